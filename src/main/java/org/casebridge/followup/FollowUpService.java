package org.casebridge.followup;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.CasePolicy;
import org.casebridge.access.Disclosure;
import org.casebridge.access.InformationCategory;
import org.casebridge.casefile.CaseFile;
import org.casebridge.casefile.CaseService;
import org.casebridge.casefile.CaseView;
import org.casebridge.followup.FollowUpAssessmentTypes.AnswerView;
import org.casebridge.followup.FollowUpAssessmentTypes.DomainView;
import org.casebridge.followup.FollowUpTypes.AttemptView;
import org.casebridge.followup.FollowUpTypes.FollowUpConnection;
import org.casebridge.followup.FollowUpTypes.FollowUpView;
import org.casebridge.followup.FollowUpTypes.RecordFollowUpInput;
import org.casebridge.followup.FollowUpTypes.RecordFollowUpPayload;
import org.casebridge.followup.FollowUpTypes.ScheduleFields;
import org.casebridge.followup.FollowUpTypes.ScheduleFollowUpInput;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;
import org.casebridge.graphql.PageRequest;
import org.casebridge.graphql.TotalCount;
import org.casebridge.runtime.Rows;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Follow-up (step 5): scheduling, recording what happened or that she could not be reached, and what is overdue. */
@ApplicationScoped
public class FollowUpService {

    /** How far ahead a follow-up may be scheduled; anything later is a typing error, not a plan. */
    static final Duration FURTHEST_AHEAD = Duration.ofDays(366);

    private static final String FETCH = "from FollowUp f join fetch f.survivorCase c join fetch c.leadAgency";

    private final AccessPolicy access;
    private final CasePolicy casePolicy;
    private final AuditLog audit;
    private final InputValidation validation;
    private final IdempotencyKeys idempotencyKeys;
    private final CaseService cases;
    private final EntityManager em;
    private final Clock clock;
    private final FollowUpAssessment assessment;

    public FollowUpService(AccessPolicy access, CasePolicy casePolicy, AuditLog audit, InputValidation validation, IdempotencyKeys idempotencyKeys,
                           CaseService cases, EntityManager em, Clock clock, FollowUpAssessment assessment) {
        this.clock = clock;
        this.assessment = assessment;
        this.access = access;
        this.casePolicy = casePolicy;
        this.audit = audit;
        this.validation = validation;
        this.idempotencyKeys = idempotencyKeys;
        this.cases = cases;
        this.em = em;
    }

    // --- reading -----------------------------------------------------------------------------------------

    public Optional<FollowUpView> followUp(UUID id) {
        FollowUp f = load(id);
        cases.forWork("followup.read", f == null ? null : f.survivorCase.id);
        return Optional.of(views(List.of(f)).get(0));
    }

    /** Follow-ups scheduled and not recorded whose time has passed: a caseworker's own cases, a supervisor's agency. */
    public FollowUpConnection overdue(PageRequest page) {
        Caller caller = casePolicy.mayManageCases("followup.overdue");
        String condition = "f.status = :scheduled and f.scheduledAt < :now and c.leadAgency.code = :agency";
        Parameters params = Parameters.with("scheduled", FollowUp.Status.SCHEDULED).and("now", OffsetDateTime.now(clock))
                .and("agency", caller.agencyCode());
        if (!casePolicy.overseesAgencyCases(caller)) {
            condition += " and c.caseworkerSubject = :me";
            params.and("me", caller.subject());
        }
        long total = TotalCount.of("from FollowUp f join f.survivorCase c where " + condition, params);
        PageRequest.TimeAndId after = page.afterTimeAndId();
        if (after != null) {
            condition += " and (f.scheduledAt > :afterAt or (f.scheduledAt = :afterAt and f.id > :afterId))";
            params.and("afterAt", after.at()).and("afterId", after.id());
        }
        List<FollowUp> rows = FollowUp.<FollowUp>find(FETCH + " where " + condition + " order by f.scheduledAt, f.id" + page.limit(),
                params).list();
        return new FollowUpConnection(page, views(rows), total);
    }

    /** The follow-ups of cases the caller's agency leads, for the case view; other agencies see none. */
    public Map<UUID, List<FollowUpView>> forCases(List<CaseView> caseViews) {
        Map<UUID, CaseView> lead = caseViews.stream().filter(v -> v.disclosure().leadAgency())
                .collect(Collectors.toMap(v -> v.file().id, Function.identity(), (a, b) -> a));
        if (lead.isEmpty()) {
            return new HashMap<>();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<FollowUp> rows = FollowUp.list("survivorCase.id in ?1 order by scheduledAt, id", lead.keySet());
        FollowUpBatch batch = batchOf(rows);
        return Rows.group(rows, f -> f.survivorCase.id, f -> new FollowUpView(f, lead.get(f.survivorCase.id), now, batch));
    }

    public Map<UUID, List<AttemptView>> attempts(Collection<UUID> followUpIds) {
        return Rows.group(ContactAttempt.<ContactAttempt>list("followUpId in ?1 order by id", followUpIds),
                a -> a.followUpId, AttemptView::of);
    }

    public String psychosocialState(FollowUpView view) {
        access.reveal(view.getSurvivorCase().disclosure(), InformationCategory.HEALTH);
        return view.followUp().psychosocialState;
    }

    public String safetyNotes(FollowUpView view) {
        access.reveal(view.getSurvivorCase().disclosure(), InformationCategory.SAFETY_PLAN);
        return view.followUp().safetyNotes;
    }

    /** The safety questions as answered: the reassessment of her safety (SAFETY_PLAN), read for the whole batch at once. */
    public List<AnswerView> safetyAnswers(FollowUpView view) {
        access.reveal(view.getSurvivorCase().disclosure(), InformationCategory.SAFETY_PLAN);
        return view.batch().rows("safetyAnswers", view.followUp().id, assessment::answers);
    }

    /**
     * Her status in the module's domains: safety (SAFETY_PLAN, a reassessment), health and feelings (HEALTH, her health and
     * psychosocial state), with family, social life and services, given together; read for the whole batch at once.
     */
    public List<DomainView> domainStatus(FollowUpView view) {
        Disclosure disclosure = view.getSurvivorCase().disclosure();
        access.reveal(disclosure, InformationCategory.SAFETY_PLAN);
        access.reveal(disclosure, InformationCategory.HEALTH);
        return view.batch().rows("domainStatus", view.followUp().id, assessment::domains);
    }

    private List<FollowUpView> views(List<FollowUp> rows) {
        Map<UUID, CaseView> caseViews = cases.views(access.caller(), rows.stream().map(f -> f.survivorCase).distinct().toList())
                .stream().collect(Collectors.toMap(v -> v.file().id, Function.identity()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        FollowUpBatch batch = batchOf(rows);
        return rows.stream().map(f -> new FollowUpView(f, caseViews.get(f.survivorCase.id), now, batch)).toList();
    }

    private static FollowUpBatch batchOf(List<FollowUp> rows) {
        return new FollowUpBatch(rows.stream().map(f -> f.id).collect(Collectors.toSet()));
    }

    private FollowUp load(UUID id) {
        return FollowUp.<FollowUp>find(FETCH + " where f.id = ?1", id).firstResult();
    }

    // --- scheduling and recording ------------------------------------------------------------------------

    @Transactional
    public FollowUpView schedule(ScheduleFollowUpInput input) {
        validation.check(input);
        CaseFile file = cases.openForWork("followup.schedule", input.caseId());
        Caller caller = access.caller();
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(caller.subject(), "scheduleFollowUp", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            return followUp(earlier.get()).orElseThrow();
        }
        FollowUp followUp = schedule(caller, file, input.schedule(), "input.schedule");
        return views(List.of(followUp)).get(0);
    }

    private FollowUp schedule(Caller caller, CaseFile file, ScheduleFields fields, String field) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        file.requireSinceOpening(fields.at(), field + ".at");
        if (fields.at().isAfter(now.plus(FURTHEST_AHEAD))) {
            throw ApiException.invalid(field + ".at", "A follow-up is scheduled at most a year ahead");
        }
        FollowUp followUp = new FollowUp();
        followUp.id = UUID.randomUUID();
        followUp.survivorCase = file;
        followUp.scheduledAt = fields.at();
        followUp.place = fields.place();
        followUp.mode = fields.mode();
        followUp.status = FollowUp.Status.SCHEDULED;
        followUp.scheduledBySubject = caller.subject();
        followUp.createdAt = now;
        followUp.updatedAt = now;
        followUp.persist();
        audit.allowed(caller, AuditLog.Entry.of("followup.schedule", "FollowUp", followUp.id, file.id));
        return followUp;
    }

    @Transactional
    public RecordFollowUpPayload record(RecordFollowUpInput input) {
        validation.check(input);
        FollowUp followUp = load(GlobalId.decode(input.id(), FollowUpView.TYPE, "input.id"));
        CaseFile file = cases.openForWork("followup.record", followUp == null ? null : followUp.survivorCase.id);
        Caller caller = access.caller();
        if (followUp.status != FollowUp.Status.SCHEDULED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "This follow-up has already been recorded");
        }
        ApiException.requireVersion("follow-up", followUp.version, input.version());
        OffsetDateTime now = OffsetDateTime.now(clock);
        file.requireSinceOpening(input.at(), "input.at");
        FollowUp.Mode mode = input.mode() == null ? followUp.mode : input.mode();
        followUp.updatedAt = now;
        if (!input.contactMade()) {
            ContactAttempt attempt = new ContactAttempt();
            attempt.followUpId = followUp.id;
            attempt.attemptedAt = input.at();
            attempt.mode = mode;
            attempt.note = input.attemptNote();
            attempt.recordedBySubject = caller.subject();
            attempt.recordedByName = caller.username();
            attempt.persist();
            em.flush();
            audit.allowed(caller, AuditLog.Entry.of("followup.attempt", "FollowUp", followUp.id, file.id).withDetail("no contact"));
            return new RecordFollowUpPayload(views(List.of(followUp)).get(0), null);
        }
        FollowUpAssessment.Checked assessed = assessment.check(file.id, input.at(), new FollowUpAssessmentTypes.Assessment(input.safetyAnswers(),
                input.domains(), input.referralOutcomeEntries()));
        if (Boolean.FALSE.equals(input.safetyReassessed())) {
            throw ApiException.invalid("input.safetyReassessed", "Safety is assessed at every follow-up with contact (safetyAnswers)");
        }
        if (input.nextFollowUp() == null && input.noNextFollowUpBecause() == null) {
            throw ApiException.invalid("input.nextFollowUp", "Schedule another follow-up, or say why follow-up ends (noNextFollowUpBecause)");
        }
        if (input.nextFollowUp() != null && input.noNextFollowUpBecause() != null) {
            throw ApiException.invalid("input.noNextFollowUpBecause", "A next follow-up is scheduled: follow-up does not end here");
        }
        followUp.status = FollowUp.Status.COMPLETED;
        followUp.mode = mode;
        followUp.contactAt = input.at();
        followUp.safetyReassessed = true;
        followUp.noNextFollowUpBecause = input.noNextFollowUpBecause();
        followUp.safetyPlanUpdated = input.safetyPlanUpdated();
        followUp.safetyNotes = input.safetyNotes();
        followUp.psychosocialState = input.psychosocialState();
        followUp.servicesAccessed = input.servicesAccessed();
        followUp.referralOutcomes = input.referralOutcomes();
        followUp.challenges = input.challenges();
        followUp.newNeeds = input.newNeeds();
        followUp.planRevisions = input.planRevisions();
        followUp.recordedBySubject = caller.subject();
        followUp.recordedByName = caller.username();
        if (input.at().isAfter(file.lastContactAt)) {
            file.lastContactAt = input.at();
        }
        Set<InformationCategory> touched = EnumSet.noneOf(InformationCategory.class);
        if (input.safetyNotes() != null) touched.add(InformationCategory.SAFETY_PLAN);
        if (input.psychosocialState() != null) touched.add(InformationCategory.HEALTH);
        if (input.addNeeds() != null && !file.needs.containsAll(input.addNeeds())) {
            Set<org.casebridge.agency.ServiceType> needs = EnumSet.noneOf(org.casebridge.agency.ServiceType.class);
            needs.addAll(file.needs);
            needs.addAll(input.addNeeds());
            file.needs = needs;
            touched.add(InformationCategory.CASE_SUMMARY);
        }
        assessment.store(followUp.id, assessed);
        touched.add(InformationCategory.SAFETY_PLAN);
        FollowUp next = input.nextFollowUp() == null ? null : schedule(caller, file, input.nextFollowUp(), "input.nextFollowUp");
        em.flush();
        audit.allowed(caller, AuditLog.Entry.of("followup.record", "FollowUp", followUp.id, file.id).withCategories(touched));
        List<FollowUpView> views = views(next == null ? List.of(followUp) : List.of(followUp, next));
        return new RecordFollowUpPayload(views.get(0), next == null ? null : views.get(1));
    }
}
