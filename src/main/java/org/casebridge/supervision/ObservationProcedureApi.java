package org.casebridge.supervision;

import org.casebridge.graphql.GlobalId;
import org.casebridge.runtime.Rows;
import org.casebridge.supervision.ProcedureTypes.Action;
import org.casebridge.supervision.ProcedureTypes.BeginObservationInput;
import org.casebridge.supervision.ProcedureTypes.Duty;
import org.casebridge.supervision.ProcedureTypes.DutyCheck;
import org.casebridge.supervision.ProcedureTypes.Guidance;
import org.casebridge.supervision.ProcedureTypes.Plan;
import org.casebridge.supervision.ProcedureTypes.PlanObservationInput;
import org.casebridge.supervision.SupervisionTypes.ObservationNode;
import org.casebridge.supervision.SupervisionTypes.ObservationPayload;
import org.casebridge.supervision.SupervisionTypes.Template;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The procedure around the observation form (seed 002): planning, beginning with consent, due lists, duties, actions. */
@GraphQLApi
public class ObservationProcedureApi {

    private final ObservationService planning;
    private final ObservationProcedure procedure;

    public ObservationProcedureApi(ObservationService planning, ObservationProcedure procedure) {
        this.planning = planning;
        this.procedure = procedure;
    }

    @Mutation
    @Description("A supervisor schedules an observation in advance with the caseworker, with the case chosen together and why (PLANNED).")
    public ObservationPayload planObservation(@NonNull PlanObservationInput input) {
        return new ObservationPayload(planning.plan(input));
    }

    @Mutation
    @Description("PLANNED → DRAFT on the day of the session, with the consent the tool asks for, obtained before it.")
    public ObservationPayload beginObservation(@NonNull BeginObservationInput input) {
        return new ObservationPayload(planning.begin(input));
    }

    @Query
    @NonNull
    @Description("Supervisors: observations planned from the given day (default today) on, planned ones whose day has passed, and "
            + "completed ones whose feedback session is overdue.")
    public Plan observationPlan(LocalDate asOf) {
        return planning.plan(asOf);
    }

    @NonNull
    @Description("The tool's guidance in its own words.")
    public List<@NonNull List<@NonNull Guidance>> guidance(@Source List<Template> templates) {
        return templates.stream().map(t -> procedure.guidance(templateId(t))).toList();
    }

    @Name("duties")
    @NonNull
    @Description("What the supervisor and the caseworker should do before, during and after the observation.")
    public List<@NonNull List<@NonNull Duty>> toolDuties(@Source List<Template> templates) {
        return templates.stream().map(t -> procedure.duties(templateId(t))).toList();
    }

    @Name("duties")
    @NonNull
    @Description("The tool's duties checked for this observation.")
    public List<@NonNull List<@NonNull DutyCheck>> dutyChecks(@Source List<ObservationNode> observations) {
        return Rows.readInOrderOf(observations, ObservationProcedureApi::observationId, procedure::dutyChecks);
    }

    @NonNull
    @Description("ACTIONS TO BE TAKEN by the supervisor and the caseworker, each with its status.")
    public List<@NonNull List<@NonNull Action>> actions(@Source List<ObservationNode> observations) {
        return Rows.readInOrderOf(observations, ObservationProcedureApi::observationId, procedure::actions);
    }

    @NonNull
    @Description("While planned or a draft: the open actions of the caseworker's earlier observations, which this one reviews.")
    public List<@NonNull List<@NonNull Action>> actionsToReview(@Source List<ObservationNode> observations) {
        return Rows.readInOrderOf(observations, ObservationProcedureApi::observationId, procedure::actionsToReview);
    }

    private static UUID observationId(ObservationNode observation) {
        return GlobalId.decode(observation.id(), ObservationNode.TYPE, "id");
    }

    private static UUID templateId(Template template) {
        return GlobalId.decode(template.id(), "ObservationTemplate", "id");
    }
}
