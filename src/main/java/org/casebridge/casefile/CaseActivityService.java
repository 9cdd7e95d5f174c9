package org.casebridge.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.casefile.CaseActivityTypes.ActivityView;
import org.casebridge.casefile.CaseActivityTypes.OutcomeRevision;
import org.casebridge.casefile.CaseActivityTypes.RecordActivityInput;
import org.casebridge.casefile.CaseActivityTypes.RecordOutcomeInput;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.InputValidation;
import org.casebridge.referral.Referral;
import org.casebridge.referral.ReferralView;
import org.casebridge.runtime.Rows;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Case activities (step 4): accompaniment, advocacy, direct services and psychosocial support, recorded by the lead
 * agency's caseworkers and supervisors on an open case. One with the survivor present counts as contact. Its outcome
 * may come later; every outcome stated is kept.
 */
@ApplicationScoped
public class CaseActivityService {

    private final CaseRecords records;
    private final AccessPolicy access;
    private final CaseService cases;
    private final AuditLog audit;
    private final InputValidation validation;
    private final EntityManager em;
    private final Clock clock;

    public CaseActivityService(CaseRecords records, AccessPolicy access, CaseService cases, AuditLog audit, InputValidation validation, EntityManager em,
                               Clock clock) {
        this.records = records;
        this.access = access;
        this.cases = cases;
        this.audit = audit;
        this.validation = validation;
        this.em = em;
        this.clock = clock;
    }

    public Optional<ActivityView> activity(UUID id) {
        return records.one("activity.read", CaseActivity.<CaseActivity>findById(id), a -> a.caseId, (a, disclosure) -> new ActivityView(a));
    }

    /** The activities of the cases the caller's agency leads, oldest first; another agency's view of a case has none. */
    public Map<UUID, List<ActivityView>> forCases(List<CaseView> caseViews) {
        return records.ofLeadCases(caseViews, lead -> CaseActivity.list("caseId in ?1 order by tookPlaceAt, id", lead),
                (CaseActivity a) -> a.caseId, (a, disclosure) -> new ActivityView(a));
    }

    /** Every outcome stated for these activities, oldest first (the views were already given to their lead agency). */
    public Map<UUID, List<OutcomeRevision>> outcomeHistory(Collection<UUID> activityIds) {
        return Rows.group(Rows.read(em, OutcomeRow.class, """
                        select activity_id, revision, outcome, recorded_by_name, recorded_at from case_activity_outcome
                        where activity_id = any(?1) order by activity_id, revision""", (Object) activityIds.toArray(UUID[]::new)),
                OutcomeRow::activityId, r -> new OutcomeRevision(r.revision(), r.outcome(), r.recordedByName(), r.recordedAt()));
    }

    /** A row of {@code case_activity_outcome}. */
    record OutcomeRow(UUID activityId, int revision, String outcome, String recordedByName, OffsetDateTime recordedAt) {
    }

    @Transactional
    public ActivityView record(RecordActivityInput input) {
        CaseRecords.Recording recording = records.start(input, "activity.record", "recordCaseActivity", input == null ? null : input.caseId(),
                input == null ? null : input.idempotencyKey());
        if (recording.earlier().isPresent()) {
            return activity(recording.earlier().get()).orElseThrow();
        }
        CaseFile file = recording.file();
        file.requireSinceOpening(input.tookPlaceAt(), "input.tookPlaceAt");
        UUID referralId = input.referralId() == null ? null : GlobalId.decode(input.referralId(), ReferralView.TYPE, "input.referralId");
        if (referralId != null && Referral.count("id = ?1 and survivorCase.id = ?2", referralId, file.id) == 0) {
            throw ApiException.invalid("input.referralId", "Not a referral of this case");
        }
        UUID goalId = input.goalId() == null ? null : GlobalId.decode(input.goalId(), ActionPlanTypes.GOAL_TYPE, "input.goalId");
        if (goalId != null && ActionPlanGoal.count("id = ?1 and caseId = ?2", goalId, file.id) == 0) {
            throw ApiException.invalid("input.goalId", "Not a goal of this case's action plan");
        }
        CaseActivity activity = new CaseActivity();
        activity.id = recording.id();
        activity.caseId = file.id;
        activity.kind = input.kind();
        activity.tookPlaceAt = input.tookPlaceAt();
        activity.survivorPresent = input.survivorPresent();
        activity.withWhom = input.withWhom();
        activity.description = input.description();
        activity.referralId = referralId;
        activity.goalId = goalId;
        activity.outcome = input.outcome();
        activity.performedBySubject = recording.caller().subject();
        activity.performedByName = recording.caller().username();
        activity.recordedAt = recording.now();
        activity.persist();
        if (activity.outcome != null) {
            em.flush();
            keepOutcome(activity, recording.caller(), recording.now());
        }
        if (activity.survivorPresent && activity.tookPlaceAt.isAfter(file.lastContactAt)) {
            file.lastContactAt = activity.tookPlaceAt;
        }
        records.recorded(recording, AuditLog.Entry.of("activity.record", "CaseActivity", activity.id, file.id).withDetail(input.kind().name()));
        return new ActivityView(activity);
    }

    /** The outcome, known after the activity was recorded (or a better account of it): the earlier ones are kept. */
    @Transactional
    public ActivityView recordOutcome(RecordOutcomeInput input) {
        validation.check(input);
        CaseActivity activity = CaseActivity.findById(GlobalId.decode(input.id(), CaseActivityTypes.TYPE, "input.id"));
        CaseFile file = cases.openForWork("activity.outcome", activity == null ? null : activity.caseId);
        Caller caller = access.caller();
        ApiException.requireVersion("activity", activity.version, input.version());
        OffsetDateTime now = OffsetDateTime.now(clock);
        activity.outcome = input.outcome();
        file.updatedAt = now;
        em.flush();
        keepOutcome(activity, caller, now);
        audit.allowed(caller, AuditLog.Entry.of("activity.outcome", "CaseActivity", activity.id, file.id).withDetail(activity.kind.name()));
        return new ActivityView(activity);
    }

    private void keepOutcome(CaseActivity activity, Caller caller, OffsetDateTime at) {
        em.createNativeQuery("""
                        insert into case_activity_outcome (activity_id, revision, outcome, recorded_by_subject, recorded_by_name, recorded_at)
                        select ?1, coalesce(max(revision), 0) + 1, ?2, ?3, ?4, ?5 from case_activity_outcome where activity_id = ?1""")
                .setParameter(1, activity.id).setParameter(2, activity.outcome).setParameter(3, caller.subject())
                .setParameter(4, caller.username()).setParameter(5, at).executeUpdate();
    }
}
