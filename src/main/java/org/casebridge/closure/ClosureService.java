package org.casebridge.closure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.CasePolicy;
import org.casebridge.casefile.ActionPlanGoal;
import org.casebridge.casefile.ActionPlanService;
import org.casebridge.casefile.CaseEnums.CaseStatus;
import org.casebridge.casefile.CaseFile;
import org.casebridge.casefile.CaseService;
import org.casebridge.casefile.CaseView;
import org.casebridge.closure.ClosureInputs.CarriedReferralInput;
import org.casebridge.closure.ClosureTypes.CarriedReferralView;
import org.casebridge.closure.ClosureInputs.ChecklistInput;
import org.casebridge.closure.ClosureTypes.ClosureConnection;
import org.casebridge.closure.ClosureTypes.ClosureView;
import org.casebridge.closure.ClosureInputs.DecideClosureInput;
import org.casebridge.closure.ClosureInputs.GoalReviewInput;
import org.casebridge.closure.ClosureInputs.ReopenCaseInput;
import org.casebridge.closure.ClosureInputs.RequestClosureInput;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.InputValidation;
import org.casebridge.graphql.PageRequest;
import org.casebridge.graphql.TotalCount;
import org.casebridge.referral.Referral;
import org.casebridge.referral.ReferralView;
import org.casebridge.runtime.Rows;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Case closure (step 6): the request with its reason and checklist, the supervisor's decision, and reopening.
 * Nothing is deleted: a closed case keeps its file, read-only; its consent records stay apart from it.
 */
@ApplicationScoped
public class ClosureService {

    /** A survivor not reached for this long may have her case closed as UNREACHABLE (module 14, step 6). */
    public static final Duration UNREACHABLE_AFTER = Duration.ofDays(30);

    private static final String FETCH = "from CaseClosure k join fetch k.survivorCase c join fetch c.leadAgency";

    private final AccessPolicy access;
    private final CasePolicy casePolicy;
    private final AuditLog audit;
    private final InputValidation validation;
    private final CaseService cases;
    private final ActionPlanService plans;
    private final EntityManager em;
    private final Clock clock;

    public ClosureService(AccessPolicy access, CasePolicy casePolicy, AuditLog audit, InputValidation validation, CaseService cases,
                          ActionPlanService plans, EntityManager em, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.casePolicy = casePolicy;
        this.audit = audit;
        this.validation = validation;
        this.cases = cases;
        this.plans = plans;
        this.em = em;
    }

    // --- reading -----------------------------------------------------------------------------------------

    public Optional<ClosureView> closure(UUID id) {
        CaseClosure closure = load(id);
        cases.forWork("closure.read", closure == null ? null : closure.survivorCase.id);
        return Optional.of(views(List.of(closure)).get(0));
    }

    /** Closures waiting for a decision in the caller's agency, oldest first. */
    public ClosureConnection pending(PageRequest page) {
        Caller caller = casePolicy.mayManageCases("closure.pending");
        String condition = "k.status = 'REQUESTED' and c.leadAgency.code = ?1";
        long total = TotalCount.of("from CaseClosure k join k.survivorCase c where " + condition, caller.agencyCode());
        PageRequest.TimeAndId after = page.afterTimeAndId();
        List<Object> params = new ArrayList<>(List.of(caller.agencyCode()));
        if (after != null) {
            condition += " and (k.requestedAt > ?2 or (k.requestedAt = ?2 and k.id > ?3))";
            params.add(after.at());
            params.add(after.id());
        }
        List<CaseClosure> rows = CaseClosure.<CaseClosure>find(FETCH + " where " + condition + " order by k.requestedAt, k.id"
                + page.limit(), params.toArray()).list();
        return new ClosureConnection(page, views(rows), total);
    }

    public Map<UUID, List<ClosureView>> forCases(List<CaseView> caseViews) {
        Map<UUID, CaseView> lead = caseViews.stream().filter(v -> v.disclosure().leadAgency())
                .collect(Collectors.toMap(v -> v.file().id, Function.identity(), (a, b) -> a));
        if (lead.isEmpty()) {
            return new HashMap<>();
        }
        return Rows.group(CaseClosure.<CaseClosure>list("survivorCase.id in ?1 order by requestedAt, id", lead.keySet()),
                k -> k.survivorCase.id, k -> new ClosureView(k, lead.get(k.survivorCase.id)));
    }

    public Map<UUID, List<CarriedReferralView>> carriedOver(Collection<UUID> closureIds) {
        return Rows.group(Rows.read(em, CarriedRow.class, """
                        select closure_id, referral_id, note from case_closure_carried_referral where closure_id = any(?1)
                        order by referral_id""", (Object) closureIds.toArray(UUID[]::new)),
                CarriedRow::closureId, r -> new CarriedReferralView(GlobalId.encode(ReferralView.TYPE, r.referralId()), r.note()));
    }

    private record CarriedRow(UUID closureId, UUID referralId, String note) {
    }

    private List<ClosureView> views(List<CaseClosure> rows) {
        Map<UUID, CaseView> caseViews = cases.views(access.caller(), rows.stream().map(k -> k.survivorCase).distinct().toList())
                .stream().collect(Collectors.toMap(v -> v.file().id, Function.identity()));
        return rows.stream().map(k -> new ClosureView(k, caseViews.get(k.survivorCase.id))).toList();
    }

    private CaseClosure load(UUID id) {
        return CaseClosure.<CaseClosure>find(FETCH + " where k.id = ?1", id).firstResult();
    }

    // --- requesting, deciding, reopening -----------------------------------------------------------------

    @Transactional
    public ClosureView request(RequestClosureInput input) {
        validation.check(input);
        CaseFile file = cases.openForWork("closure.request", input.caseId());
        Caller caller = access.caller();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (input.reason() == CaseClosure.Reason.UNREACHABLE) {
            long days = Duration.between(file.lastContactAt, now).toDays();
            if (days < UNREACHABLE_AFTER.toDays()) {
                throw ApiException.invalid("input.reason", "The last successful contact was " + days + " days ago; a case is closed "
                        + "as UNREACHABLE only after " + UNREACHABLE_AFTER.toDays() + " days or more without contact");
            }
        }
        ChecklistInput checklist = input.checklist();
        Map<ClosureChecklist.Item, Boolean> done = new EnumMap<>(ClosureChecklist.Item.class);
        done.put(ClosureChecklist.Item.SAFETY_PLAN_REVIEWED, checklist.safetyPlanReviewed());
        done.put(ClosureChecklist.Item.ACTION_PLAN_REVIEWED, checklist.actionPlanReviewed());
        done.put(ClosureChecklist.Item.SURVIVOR_TOLD_SHE_CAN_RETURN, checklist.survivorToldSheCanReturn());
        done.put(ClosureChecklist.Item.FILE_REVIEWED_AND_COMPLETE, checklist.fileReviewedAndComplete());
        Map<ClosureChecklist.Item, String> notDone = ClosureChecklist.whyNotDone(input.reason(), done, checklist.notDone(), "input.checklist");
        ClosureChecklist.ConversationInput conversation = closingConversation(file, input);
        Map<UUID, String> carried = carriedReferrals(file, input.carriedOverReferrals());
        reviewGoals(file, input.goalReviews(), checklist.actionPlanReviewed() ? "Reviewed with the survivor for the closure of her case"
                : "Final status recorded at closure, not reviewed with her: " + notDone.get(ClosureChecklist.Item.ACTION_PLAN_REVIEWED));
        CaseClosure closure = new CaseClosure();
        closure.id = UUID.randomUUID();
        closure.survivorCase = file;
        closure.reason = input.reason();
        closure.safetyPlanReviewed = checklist.safetyPlanReviewed();
        closure.safetyPlanNotReviewedBecause = notDone.get(ClosureChecklist.Item.SAFETY_PLAN_REVIEWED);
        closure.actionPlanReviewed = checklist.actionPlanReviewed();
        closure.actionPlanNotReviewedBecause = notDone.get(ClosureChecklist.Item.ACTION_PLAN_REVIEWED);
        closure.survivorToldCanReturn = checklist.survivorToldSheCanReturn();
        closure.notToldCanReturnBecause = notDone.get(ClosureChecklist.Item.SURVIVOR_TOLD_SHE_CAN_RETURN);
        closure.fileComplete = checklist.fileReviewedAndComplete();
        if (conversation != null) {
            closure.closingContactAt = conversation.contactAt();
            closure.closingContactMode = conversation.mode();
            closure.progressAndChangesReviewed = conversation.progressAndChangesReviewed();
            closure.futureAspirations = conversation.futureAspirations();
            if (conversation.contactAt().isAfter(file.lastContactAt)) {
                file.lastContactAt = conversation.contactAt();
            }
        }
        closure.note = input.note();
        closure.lastContactAt = file.lastContactAt;
        closure.status = CaseClosure.Status.REQUESTED;
        closure.requestedBySubject = caller.subject();
        closure.requestedByName = caller.username();
        closure.requestedAt = now;
        closure.persist();
        em.flush();
        carried.forEach((referralId, note) -> em.createNativeQuery(
                        "insert into case_closure_carried_referral (closure_id, referral_id, note) values (?1, ?2, ?3)")
                .setParameter(1, closure.id).setParameter(2, referralId).setParameter(3, note).executeUpdate());
        file.status = CaseStatus.CLOSURE_REQUESTED;
        file.updatedAt = now;
        em.flush();
        audit.allowed(caller, AuditLog.Entry.of("closure.request", "CaseClosure", closure.id, file.id).withDetail(input.reason().name()));
        return views(List.of(closure)).get(0);
    }

    /** The closing conversation where she is present: required, possible or impossible by the reason. */
    private static ClosureChecklist.ConversationInput closingConversation(CaseFile file, RequestClosureInput input) {
        ClosureChecklist.ConversationInput conversation = input.closingConversation();
        switch (ClosureChecklist.conversation(input.reason())) {
            case REQUIRED -> {
                if (conversation == null) {
                    throw ApiException.invalid("input.closingConversation", "Closing a case as " + input.reason() + " follows up with her: "
                            + "record the closing contact, the progress and changes reviewed and her future aspirations");
                }
            }
            case NOT_POSSIBLE -> {
                if (conversation != null) {
                    throw ApiException.invalid("input.closingConversation", "A survivor who could be spoken to is not unreachable: "
                            + "close the case for another reason");
                }
            }
            case OPTIONAL -> {
            }
        }
        if (conversation != null) {
            file.requireSinceOpening(conversation.contactAt(), "input.closingConversation.contactAt");
        }
        return conversation;
    }

    /** Every referral still open is either carried over with a note, or must be completed or cancelled first. */
    private Map<UUID, String> carriedReferrals(CaseFile file, List<CarriedReferralInput> input) {
        Map<UUID, String> carried = new java.util.LinkedHashMap<>();
        List<CarriedReferralInput> given = input == null ? List.of() : input;
        for (int i = 0; i < given.size(); i++) {
            CarriedReferralInput c = given.get(i);
            String field = "input.carriedOverReferrals[" + i + "]";
            if (c == null) {
                throw ApiException.invalid(field, "A referral is required");
            }
            carried.put(GlobalId.decode(c.referralId(), ReferralView.TYPE, field + ".referralId"), c.note());
        }
        List<Referral> referrals = Referral.list("survivorCase.id = ?1 order by requestedAt", file.id);
        Set<UUID> ofCase = referrals.stream().map(r -> r.id).collect(Collectors.toSet());
        for (UUID id : carried.keySet()) {
            if (!ofCase.contains(id)) {
                throw ApiException.invalid("input.carriedOverReferrals", "Only referrals of this case are carried over");
            }
        }
        List<String> unsettled = referrals.stream().filter(r -> r.status.isOpen() && !carried.containsKey(r.id))
                .map(r -> GlobalId.encode(ReferralView.TYPE, r.id)).toList();
        if (!unsettled.isEmpty()) {
            throw ApiException.invalid("input.carriedOverReferrals", "Referrals still open must be completed, cancelled or carried "
                    + "over with a note: " + String.join(", ", unsettled));
        }
        if (referrals.stream().anyMatch(r -> carried.containsKey(r.id) && !r.status.isOpen())) {
            throw ApiException.invalid("input.carriedOverReferrals", "Only referrals still open are carried over");
        }
        return carried;
    }

    /** The final action plan reviewed with her: the status of each goal, each kept as a revision. */
    private void reviewGoals(CaseFile file, List<GoalReviewInput> reviews, String note) {
        Map<UUID, ActionPlanGoal.Status> byGoal = new HashMap<>();
        List<GoalReviewInput> given = reviews == null ? List.of() : reviews;
        for (int i = 0; i < given.size(); i++) {
            GoalReviewInput review = given.get(i);
            if (review == null) {
                throw ApiException.invalid("input.goalReviews[" + i + "]", "A goal review is required");
            }
            byGoal.put(GlobalId.decode(review.goalId(), "ActionPlanGoal", "input.goalReviews[" + i + "].goalId"), review.status());
        }
        Set<UUID> goals = plans.goalsOf(file.id).stream().map(g -> g.id).collect(Collectors.toSet());
        if (!goals.equals(byGoal.keySet())) {
            throw ApiException.invalid("input.goalReviews", "Give the status of each goal of the action plan (" + goals.size()
                    + " goals), and only of those");
        }
        byGoal.forEach((goalId, status) -> plans.revise(goalId, null, null, null, null, status, note, "closure.request"));
    }

    @Transactional
    public ClosureView approve(DecideClosureInput input) {
        return decide(input, true);
    }

    @Transactional
    public ClosureView reject(DecideClosureInput input) {
        return decide(input, false);
    }

    private ClosureView decide(DecideClosureInput input, boolean approve) {
        validation.check(input);
        String action = approve ? "closure.approve" : "closure.reject";
        CaseClosure closure = load(GlobalId.decode(input.id(), ClosureView.TYPE, "input.id"));
        Caller caller = casePolicy.mayDecideClosure(action, closure == null ? null : closure.id,
                closure == null ? null : closure.survivorCase.id, closure == null ? null : closure.survivorCase.leadAgency.code,
                closure == null ? null : closure.requestedBySubject);
        if (closure.status != CaseClosure.Status.REQUESTED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "This closure was already " + closure.status.name().toLowerCase());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        closure.status = approve ? CaseClosure.Status.APPROVED : CaseClosure.Status.REJECTED;
        closure.decidedBySubject = caller.subject();
        closure.decidedByName = caller.username();
        closure.decidedAt = now;
        closure.decisionComment = input.comment();
        closure.survivorCase.status = approve ? CaseStatus.CLOSED : CaseStatus.OPEN;
        closure.survivorCase.updatedAt = now;
        em.flush();
        audit.allowed(caller, AuditLog.Entry.of(action, "CaseClosure", closure.id, closure.survivorCase.id));
        return views(List.of(closure)).get(0);
    }

    @Transactional
    public CaseView reopen(ReopenCaseInput input) {
        validation.check(input);
        CaseFile file = cases.forWork("case.reopen", input.caseId());
        Caller caller = access.caller();
        if (file.status != CaseStatus.CLOSED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Only a closed case is reopened");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CaseClosure closure = CaseClosure.<CaseClosure>find("survivorCase.id = ?1 and status = ?2 and reopenedAt is null order by decidedAt desc",
                file.id, CaseClosure.Status.APPROVED).firstResult();
        if (closure != null) {  // a case closed before closures were recorded (imported files) has none to annotate
            closure.reopenedAt = now;
            closure.reopenedBySubject = caller.subject();
            closure.reopenedByName = caller.username();
            closure.reopenReason = input.reason();
        }
        file.status = CaseStatus.OPEN;
        file.updatedAt = now;
        em.flush();
        audit.allowed(caller, AuditLog.Entry.of("case.reopen", "Case", file.id, file.id));
        return cases.views(caller, List.of(file)).get(0);
    }
}
