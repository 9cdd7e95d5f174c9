package org.casebridge.followup;

import jakarta.enterprise.inject.Produces;
import org.casebridge.casefile.CaseView;
import org.casebridge.followup.FollowUpTypes.AttemptView;
import org.casebridge.followup.FollowUpTypes.FollowUpConnection;
import org.casebridge.followup.FollowUpTypes.FollowUpView;
import org.casebridge.followup.FollowUpTypes.RecordFollowUpInput;
import org.casebridge.followup.FollowUpTypes.RecordFollowUpPayload;
import org.casebridge.followup.FollowUpTypes.ScheduleFollowUpInput;
import org.casebridge.followup.FollowUpTypes.ScheduleFollowUpPayload;
import org.casebridge.graphql.NodeLoader;
import org.casebridge.graphql.PageRequest;
import org.casebridge.runtime.Rows;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

@GraphQLApi
public class FollowUpApi {

    private final FollowUpService followUps;

    public FollowUpApi(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Query
    @Description("Follow-ups whose time has passed without being recorded, earliest first: a caseworker's own cases, "
            + "a supervisor's whole agency.")
    public FollowUpConnection overdueFollowUps(Integer first, String after) {
        return followUps.overdue(PageRequest.of(first, after));
    }

    @Mutation
    @Description("Schedules a follow-up: date and time, place and mode.")
    public ScheduleFollowUpPayload scheduleFollowUp(@NonNull ScheduleFollowUpInput input) {
        return new ScheduleFollowUpPayload(followUps.schedule(input));
    }

    @Mutation
    @Description("Records a follow-up: the outcome when contact was made, otherwise a failed attempt (the follow-up stays due).")
    public RecordFollowUpPayload recordFollowUp(@NonNull RecordFollowUpInput input) {
        return followUps.record(input);
    }

    @Name("followUps")
    @Description("The follow-ups of this case, by date (lead agency only; empty for other agencies).")
    public List<@NonNull List<@NonNull FollowUpView>> caseFollowUps(@Source List<CaseView> cases) {
        return Rows.inOrderOf(cases, followUps.forCases(cases), c -> c.file().id);
    }

    @NonNull
    @Description("Tries that did not reach the survivor.")
    public List<@NonNull List<@NonNull AttemptView>> failedAttempts(@Source List<FollowUpView> views) {
        return Rows.readInOrderOf(views, v -> v.followUp().id, followUps::attempts);
    }

    @Description("Category HEALTH: the survivor's psychosocial state and functioning.")
    public String psychosocialState(@Source FollowUpView followUp) {
        return followUps.psychosocialState(followUp);
    }

    @Description("Category SAFETY_PLAN: the safety reassessment.")
    public String safetyNotes(@Source FollowUpView followUp) {
        return followUps.safetyNotes(followUp);
    }

    @Produces
    static NodeLoader followUps(FollowUpService followUps) {
        return new NodeLoader(FollowUpView.TYPE, followUps::followUp);
    }
}
