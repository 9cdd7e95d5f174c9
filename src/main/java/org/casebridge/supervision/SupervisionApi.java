package org.casebridge.supervision;

import jakarta.enterprise.inject.Produces;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.NodeLoader;
import org.casebridge.supervision.SupervisionTypes.AcknowledgeObservationInput;
import org.casebridge.supervision.SupervisionTypes.CaseworkerNode;
import org.casebridge.supervision.SupervisionTypes.CompleteObservationInput;
import org.casebridge.supervision.SupervisionTypes.Due;
import org.casebridge.supervision.SupervisionTypes.ObservationNode;
import org.casebridge.supervision.SupervisionTypes.ObservationPayload;
import org.casebridge.supervision.SupervisionTypes.RecordObservationInput;
import org.casebridge.supervision.SupervisionTypes.RegisterCaseworkerInput;
import org.casebridge.supervision.SupervisionTypes.RegisterCaseworkerPayload;
import org.casebridge.supervision.SupervisionTypes.Summary;
import org.casebridge.supervision.SupervisionTypes.Template;
import org.casebridge.supervision.SupervisionTypes.UpdateObservationInput;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@GraphQLApi
public class SupervisionApi {

    private final ObservationTool tool;
    private final CaseworkerService caseworkers;
    private final ObservationService observations;

    public SupervisionApi(ObservationTool tool, CaseworkerService caseworkers, ObservationService observations) {
        this.tool = tool;
        this.caseworkers = caseworkers;
        this.observations = observations;
    }

    @Query
    @Description("The case-management observation tool: its nine areas and example behaviours.")
    public Template observationTemplate() {
        return tool.template();
    }

    @Query
    @Description("Your agency's caseworkers as supervision knows them (supervisors).")
    public List<@NonNull CaseworkerNode> caseworkers() {
        return caseworkers.caseworkers();
    }

    @Query
    @Description("A caseworker's own observations; for a supervisor, the agency's (optionally of one caseworker).")
    public List<@NonNull ObservationNode> observations(@Id String caseworkerId) {
        return observations.observations(caseworkerId);
    }

    @Query
    public ObservationNode observation(@Id @NonNull String id) {
        return observations.observation(GlobalId.decode(id, ObservationNode.TYPE, "id"));
    }

    @Query
    @Description("Caseworkers whose next observation is due on the given day (default today): every two weeks for new "
            + "caseworkers, monthly for experienced ones (configurable).")
    public List<@NonNull Due> observationsDue(LocalDate asOf) {
        return caseworkers.due(asOf);
    }

    @Query
    @Description("Counts of ratings per area for your agency's completed observations in a period (supervisors).")
    public Summary observationSummary(@NonNull LocalDate from, @NonNull LocalDate to) {
        return observations.summary(from, to);
    }

    @Mutation
    @Description("A supervisor registers a caseworker of the agency (by Keycloak username), or changes their experience level.")
    public RegisterCaseworkerPayload registerCaseworker(@NonNull RegisterCaseworkerInput input) {
        return new RegisterCaseworkerPayload(caseworkers.registerCaseworker(input));
    }

    @Mutation
    @Description("A supervisor records an observation (DRAFT). Refused without the child's and the caregiver's consent.")
    public ObservationPayload recordObservation(@NonNull RecordObservationInput input) {
        return new ObservationPayload(observations.record(input));
    }

    @Mutation
    public ObservationPayload updateObservation(@NonNull UpdateObservationInput input) {
        return new ObservationPayload(observations.update(input));
    }

    @Mutation
    @Description("DRAFT → COMPLETED, once all nine areas are rated (a supervisor of the agency).")
    public ObservationPayload completeObservation(@NonNull CompleteObservationInput input) {
        return new ObservationPayload(observations.complete(input));
    }

    @Mutation
    @Description("COMPLETED → FEEDBACK_GIVEN: the observed caseworker acknowledges the feedback session.")
    public ObservationPayload acknowledgeObservation(@NonNull AcknowledgeObservationInput input) {
        return new ObservationPayload(observations.acknowledge(input));
    }

    @Produces
    static NodeLoader observationNodes(ObservationService observations) {
        return new NodeLoader(ObservationNode.TYPE, id -> Optional.of(observations.observation(id)));
    }
}
