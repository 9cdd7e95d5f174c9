package org.casebridge.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.casefile.CaseActivityTypes.ActivityView;
import org.casebridge.casefile.CaseActivityTypes.RecordActivityInput;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;
import org.casebridge.referral.Referral;
import org.casebridge.referral.ReferralView;
import org.casebridge.runtime.Rows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Case activities (step 4): accompaniment, advocacy, direct services and psychosocial support, recorded by the lead
 * agency's caseworkers and supervisors on an open case. One with the survivor present counts as contact.
 */
@ApplicationScoped
public class CaseActivityService {

    /** Clock skew allowed between a client recording "now" and this server. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final AccessPolicy access;
    private final AuditLog audit;
    private final InputValidation validation;
    private final IdempotencyKeys idempotencyKeys;
    private final CaseService cases;
    private final Clock clock;

    public CaseActivityService(AccessPolicy access, AuditLog audit, InputValidation validation, IdempotencyKeys idempotencyKeys,
                               CaseService cases, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.validation = validation;
        this.idempotencyKeys = idempotencyKeys;
        this.cases = cases;
    }

    public Optional<ActivityView> activity(UUID id) {
        CaseActivity activity = CaseActivity.findById(id);
        cases.forWork("activity.read", activity == null ? null : activity.caseId);
        return Optional.of(new ActivityView(activity));
    }

    /** The activities of the cases the caller's agency leads, oldest first; another agency's view of a case has none. */
    public Map<UUID, List<ActivityView>> forCases(List<CaseView> caseViews) {
        Set<UUID> lead = caseViews.stream().filter(v -> v.disclosure().leadAgency()).map(v -> v.file().id).collect(Collectors.toSet());
        return lead.isEmpty() ? Map.of()
                : Rows.group(CaseActivity.<CaseActivity>list("caseId in ?1 order by tookPlaceAt, id", lead), a -> a.caseId, ActivityView::new);
    }

    @Transactional
    public ActivityView record(RecordActivityInput input) {
        validation.check(input);
        UUID caseId = GlobalId.decode(input.caseId(), CaseView.TYPE, "input.caseId");
        CaseFile file = cases.openForWork("activity.record", caseId);
        Caller caller = access.caller();
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(caller.subject(), "recordCaseActivity", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            return activity(earlier.get()).orElseThrow();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (input.tookPlaceAt().isBefore(file.openedAt)) {
            throw ApiException.invalid("input.tookPlaceAt", "The case was opened after this time");
        }
        if (input.tookPlaceAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiException.invalid("input.tookPlaceAt", "An activity is recorded once it has taken place");
        }
        UUID referralId = input.referralId() == null ? null : GlobalId.decode(input.referralId(), ReferralView.TYPE, "input.referralId");
        if (referralId != null && Referral.count("id = ?1 and survivorCase.id = ?2", referralId, caseId) == 0) {
            throw ApiException.invalid("input.referralId", "Not a referral of this case");
        }
        UUID goalId = input.goalId() == null ? null : GlobalId.decode(input.goalId(), ActionPlanTypes.GOAL_TYPE, "input.goalId");
        if (goalId != null && ActionPlanGoal.count("id = ?1 and caseId = ?2", goalId, caseId) == 0) {
            throw ApiException.invalid("input.goalId", "Not a goal of this case's action plan");
        }
        CaseActivity activity = new CaseActivity();
        activity.id = id;
        activity.caseId = caseId;
        activity.kind = input.kind();
        activity.tookPlaceAt = input.tookPlaceAt();
        activity.survivorPresent = input.survivorPresent();
        activity.withWhom = input.withWhom();
        activity.description = input.description();
        activity.referralId = referralId;
        activity.goalId = goalId;
        activity.outcome = input.outcome();
        activity.performedBySubject = caller.subject();
        activity.performedByName = caller.username();
        activity.recordedAt = now;
        activity.persist();
        if (activity.survivorPresent && activity.tookPlaceAt.isAfter(file.lastContactAt)) {
            file.lastContactAt = activity.tookPlaceAt;
        }
        file.updatedAt = now;
        audit.allowed(caller, AuditLog.Entry.of("activity.record", "CaseActivity", id, caseId).withDetail(input.kind().name()));
        return new ActivityView(activity);
    }
}
