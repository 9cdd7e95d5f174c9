package org.casebridge.closure;

import org.casebridge.casefile.CaseView;
import org.casebridge.graphql.Connection;
import org.casebridge.graphql.Edge;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.Node;
import org.casebridge.graphql.PageRequest;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

/** Case closures: views, payloads and connections. */
public final class ClosureTypes {

    private ClosureTypes() {
    }

    @Type("CaseClosure")
    @Description("A request to close a case, the supervisor's decision, and a reopening if there was one.")
    public static class ClosureView implements Node {
        public static final String TYPE = "CaseClosure";
        private final CaseClosure closure;
        private final CaseView survivorCase;

        ClosureView(CaseClosure closure, CaseView survivorCase) {
            this.closure = closure;
            this.survivorCase = survivorCase;
        }

        @Ignore
        public CaseClosure closure() {
            return closure;
        }

        @Override
        @Id
        @NonNull
        public String getId() {
            return GlobalId.encode(TYPE, closure.id);
        }

        @NonNull
        @org.eclipse.microprofile.graphql.Name("case")
        public CaseView getSurvivorCase() {
            return survivorCase;
        }

        @NonNull
        public CaseClosure.Reason getReason() {
            return closure.reason;
        }

        @NonNull
        public CaseClosure.Status getStatus() {
            return closure.status;
        }

        public boolean isSafetyPlanReviewed() {
            return closure.safetyPlanReviewed;
        }

        public boolean isActionPlanReviewed() {
            return closure.actionPlanReviewed;
        }

        public boolean isSurvivorToldSheCanReturn() {
            return closure.survivorToldCanReturn;
        }

        public boolean isFileReviewedAndComplete() {
            return closure.fileComplete;
        }

        @NonNull
        @Description("Each item of the checklist: done, or not done and why.")
        public List<ClosureChecklist.@NonNull EntryView> getChecklist() {
            return List.of(
                    new ClosureChecklist.EntryView(ClosureChecklist.Item.SAFETY_PLAN_REVIEWED, closure.safetyPlanReviewed, closure.safetyPlanNotReviewedBecause),
                    new ClosureChecklist.EntryView(ClosureChecklist.Item.ACTION_PLAN_REVIEWED, closure.actionPlanReviewed, closure.actionPlanNotReviewedBecause),
                    new ClosureChecklist.EntryView(ClosureChecklist.Item.SURVIVOR_TOLD_SHE_CAN_RETURN, closure.survivorToldCanReturn, closure.notToldCanReturnBecause),
                    new ClosureChecklist.EntryView(ClosureChecklist.Item.FILE_REVIEWED_AND_COMPLETE, closure.fileComplete, null));
        }

        @Description("The closing contact and conversation with her; null where none took place (UNREACHABLE, or before V11).")
        public ClosureChecklist.ConversationView getClosingConversation() {
            return closure.closingContactAt == null ? null : new ClosureChecklist.ConversationView(closure.closingContactAt,
                    closure.closingContactMode, closure.progressAndChangesReviewed, closure.futureAspirations);
        }

        public String getNote() {
            return closure.note;
        }

        @NonNull
        @Description("The last successful contact with the survivor when closure was requested, as the system recorded it.")
        public OffsetDateTime getLastContactAt() {
            return closure.lastContactAt;
        }

        @NonNull
        public String getRequestedByName() {
            return closure.requestedByName;
        }

        @NonNull
        public OffsetDateTime getRequestedAt() {
            return closure.requestedAt;
        }

        public String getDecidedByName() {
            return closure.decidedByName;
        }

        public OffsetDateTime getDecidedAt() {
            return closure.decidedAt;
        }

        public String getDecisionComment() {
            return closure.decisionComment;
        }

        public OffsetDateTime getReopenedAt() {
            return closure.reopenedAt;
        }

        public String getReopenedByName() {
            return closure.reopenedByName;
        }

        public String getReopenReason() {
            return closure.reopenReason;
        }
    }

    @Type("CarriedOverReferral")
    @Description("A referral still open at closure, carried over with a note.")
    public record CarriedReferralView(@Id @NonNull String referralId, @NonNull String note) {
    }

    @Type("RequestCaseClosurePayload")
    public record RequestClosurePayload(@NonNull ClosureView closure) {
    }

    @Type("ApproveCaseClosurePayload")
    public record ApproveClosurePayload(@NonNull ClosureView closure) {
    }

    @Type("RejectCaseClosurePayload")
    public record RejectClosurePayload(@NonNull ClosureView closure) {
    }

    @Type("ReopenCasePayload")
    public record ReopenCasePayload(@org.eclipse.microprofile.graphql.Name("case") @NonNull CaseView survivorCase) {
    }

    public static class ClosureConnection extends Connection<ClosureView, ClosureConnection.ClosureEdge> {

        public record ClosureEdge(@NonNull String cursor, @NonNull ClosureView node) implements Edge<ClosureView> {
        }

        ClosureConnection(PageRequest page, List<ClosureView> rows, long totalCount) {
            super(page, rows, c -> PageRequest.TimeAndId.key(c.closure().requestedAt, c.closure().id), c -> c, ClosureEdge::new, totalCount);
        }
    }
}
