package org.casebridge.followup;

import io.smallrye.graphql.api.Nullable;
import org.casebridge.followup.FollowUpAssessmentTypes.OutcomeInput;
import org.casebridge.followup.FollowUpAssessmentTypes.DomainInput;
import org.casebridge.followup.FollowUpAssessmentTypes.AnswerInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.casefile.CaseView;
import org.casebridge.graphql.Connection;
import org.casebridge.graphql.Edge;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.Node;
import org.casebridge.graphql.PageRequest;
import org.casebridge.graphql.HasHappened;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

/** Follow-up inputs, payloads and views. */
public final class FollowUpTypes {

    private FollowUpTypes() {
    }

    @Type("FollowUp")
    @Description("A follow-up with the survivor: scheduled, then recorded (lead agency only).")
    public static class FollowUpView implements Node {
        public static final String TYPE = "FollowUp";
        private final FollowUp followUp;
        private final CaseView survivorCase;
        private final OffsetDateTime now;
        private final FollowUpBatch batch;

        FollowUpView(FollowUp followUp, CaseView survivorCase, OffsetDateTime now, FollowUpBatch batch) {
            this.followUp = followUp;
            this.survivorCase = survivorCase;
            this.now = now;
            this.batch = batch;
        }

        @Ignore
        public FollowUp followUp() {
            return followUp;
        }

        /** The follow-ups read with this one. */
        @Ignore
        FollowUpBatch batch() {
            return batch;
        }

        @Override
        @Id
        @NonNull
        public String getId() {
            return GlobalId.encode(TYPE, followUp.id);
        }

        @NonNull
        @org.eclipse.microprofile.graphql.Name("case")
        public CaseView getSurvivorCase() {
            return survivorCase;
        }

        @NonNull
        public OffsetDateTime getScheduledAt() {
            return followUp.scheduledAt;
        }

        public String getPlace() {
            return followUp.place;
        }

        @NonNull
        public FollowUp.Mode getMode() {
            return followUp.mode;
        }

        @NonNull
        public FollowUp.Status getStatus() {
            return followUp.status;
        }

        @Description("Scheduled, not recorded, and its time has passed.")
        public boolean isOverdue() {
            return followUp.status == FollowUp.Status.SCHEDULED && followUp.scheduledAt.isBefore(now);
        }

        @Description("When contact was made; null until it was.")
        public OffsetDateTime getContactAt() {
            return followUp.contactAt;
        }

        public Boolean getSafetyReassessed() {
            return followUp.safetyReassessed;
        }

        public Boolean getSafetyPlanUpdated() {
            return followUp.safetyPlanUpdated;
        }

        @Description("Services the survivor accessed since the last contact.")
        public String getServicesAccessed() {
            return followUp.servicesAccessed;
        }

        @Description("Outcomes of referrals, as the survivor reports them.")
        public String getReferralOutcomes() {
            return followUp.referralOutcomes;
        }

        public String getChallenges() {
            return followUp.challenges;
        }

        public String getNewNeeds() {
            return followUp.newNeeds;
        }

        @Description("How the action plan was revised.")
        public String getPlanRevisions() {
            return followUp.planRevisions;
        }

        @Description("Why no further follow-up was scheduled, where follow-up ended here.")
        public String getNoNextFollowUpBecause() {
            return followUp.noNextFollowUpBecause;
        }

        public String getRecordedByName() {
            return followUp.recordedByName;
        }

        public int getVersion() {
            return followUp.version;
        }
    }

    @Type("ContactAttempt")
    @Description("A try to reach the survivor that did not reach her.")
    public record AttemptView(@NonNull OffsetDateTime attemptedAt, @NonNull FollowUp.Mode mode, String note,
                              @NonNull String recordedByName) {
        static AttemptView of(ContactAttempt a) {
            return new AttemptView(a.attemptedAt, a.mode, a.note, a.recordedByName);
        }
    }

    @Input("FollowUpScheduleInput")
    public record ScheduleFields(@NonNull @NotNull OffsetDateTime at,
                                 @Description("A comfortable, safe and confidential place.") @Size(max = 300) String place,
                                 @NonNull @NotNull FollowUp.Mode mode) {
    }

    @Input("ScheduleFollowUpInput")
    public record ScheduleFollowUpInput(@Size(max = 100) String idempotencyKey,
                                        @Id @NonNull String caseId,
                                        @NonNull @NotNull @Valid ScheduleFields schedule) {
    }

    @Input("RecordFollowUpInput")
    @Description("What happened at a follow-up. Without contact, it is kept as a failed attempt and the follow-up stays due.")
    public record RecordFollowUpInput(@Id @NonNull String id,
                                      int version,
                                      boolean contactMade,
                                      @Description("When the contact, or the attempt, took place.") @NonNull @NotNull @HasHappened OffsetDateTime at,
                                      @Description("How it took place, when not as scheduled.") FollowUp.Mode mode,
                                      @Description("For a failed attempt: what happened.") @Size(max = 1000) String attemptNote,
                                      Boolean safetyReassessed,
                                      Boolean safetyPlanUpdated,
                                      @Description("Category SAFETY_PLAN.") @Size(max = 4000) String safetyNotes,
                                      @Description("Category HEALTH.") @Size(max = 4000) String psychosocialState,
                                      @Size(max = 4000) String servicesAccessed,
                                      @Size(max = 4000) String referralOutcomes,
                                      @Size(max = 4000) String challenges,
                                      @Size(max = 4000) String newNeeds,
                                      @Size(max = 4000) String planRevisions,
                                      @Description("Assess safety during every visit: with contact, an answer to each current safety "
                                              + "question (safetyQuestions).") @Size(max = 50)
                                      @Nullable List<@NonNull @Valid AnswerInput> safetyAnswers,
                                      @Description("With contact: her status in each domain (safety, health, family, social life, "
                                              + "feelings, services).") @Size(max = 6)
                                      @Nullable List<@NonNull @Valid DomainInput> domains,
                                      @Description("Outcomes of referrals of this case, each against its referral.") @Size(max = 200)
                                      @Nullable List<@NonNull @Valid OutcomeInput> referralOutcomeEntries,
                                      @Description("New needs that emerged, added to the case's needs (CASE_SUMMARY).")
                                      @Nullable java.util.Set<org.casebridge.agency.@NonNull ServiceType> addNeeds,
                                      @Description("Schedule another follow-up: with contact, either this or noNextFollowUpBecause.")
                                      @Valid ScheduleFields nextFollowUp,
                                      @Description("Why follow-up ends here without another one.")
                                      @jakarta.validation.constraints.Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                                      @Size(max = 2000) String noNextFollowUpBecause) {
    }

    @Type("ScheduleFollowUpPayload")
    public record ScheduleFollowUpPayload(@NonNull FollowUpView followUp) {
    }

    @Type("RecordFollowUpPayload")
    public record RecordFollowUpPayload(@NonNull FollowUpView followUp, FollowUpView nextFollowUp) {
    }

    public static class FollowUpConnection extends Connection<FollowUpView, FollowUpConnection.FollowUpEdge> {

        public record FollowUpEdge(@NonNull String cursor, @NonNull FollowUpView node) implements Edge<FollowUpView> {
        }

        FollowUpConnection(PageRequest page, List<FollowUpView> rows, long totalCount) {
            super(page, rows, f -> PageRequest.TimeAndId.key(f.followUp().scheduledAt, f.followUp().id), f -> f, FollowUpEdge::new,
                    totalCount);
        }
    }
}
