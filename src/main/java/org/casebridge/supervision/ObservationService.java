package org.casebridge.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.CasePolicy;
import org.casebridge.access.SupervisionPolicy.ObservationScope;
import org.casebridge.access.SupervisionPolicy;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;
import org.casebridge.supervision.ObservationTool.ExampleRow;
import org.casebridge.supervision.ObservationTool.ToolVersion;
import org.casebridge.supervision.ProcedureTypes.BeginObservationInput;
import org.casebridge.supervision.ProcedureTypes.Plan;
import org.casebridge.supervision.ProcedureTypes.PlanObservationInput;
import org.casebridge.supervision.SupervisionTypes.AcknowledgeObservationInput;
import org.casebridge.supervision.SupervisionTypes.AreaCount;
import org.casebridge.supervision.SupervisionTypes.AreaInput;
import org.casebridge.supervision.SupervisionTypes.AreaRating;
import org.casebridge.supervision.SupervisionTypes.CaseChoice;
import org.casebridge.supervision.SupervisionTypes.CaseworkerNode;
import org.casebridge.supervision.SupervisionTypes.ChecklistInput;
import org.casebridge.supervision.SupervisionTypes.ChecklistItem;
import org.casebridge.supervision.SupervisionTypes.ChecklistMark;
import org.casebridge.supervision.SupervisionTypes.CompleteObservationInput;
import org.casebridge.supervision.SupervisionTypes.ObservationAreaCode;
import org.casebridge.supervision.SupervisionTypes.ObservationNode;
import org.casebridge.supervision.SupervisionTypes.ObservationStatus;
import org.casebridge.supervision.SupervisionTypes.ObservedArea;
import org.casebridge.supervision.SupervisionTypes.RecordObservationInput;
import org.casebridge.supervision.SupervisionTypes.Summary;
import org.casebridge.supervision.SupervisionTypes.UpdateObservationInput;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Observations of caseworkers' sessions: recorded, edited and completed by a supervisor, acknowledged by the caseworker. */
@ApplicationScoped
public class ObservationService {

    private final AccessPolicy access;
    private final CasePolicy casePolicy;
    private final SupervisionPolicy supervision;
    private final AuditLog audit;
    private final InputValidation validation;
    private final IdempotencyKeys idempotencyKeys;
    private final CaseworkerService caseworkers;
    private final ObservationTool tool;
    private final ObservationProcedure procedure;
    private final ObservationSchedule schedule;
    private final Clock clock;
    private final EntityManager em;

    public ObservationService(AccessPolicy access, CasePolicy casePolicy, SupervisionPolicy supervision, AuditLog audit, InputValidation validation,
                              IdempotencyKeys idempotencyKeys, CaseworkerService caseworkers, ObservationTool tool,
                              ObservationProcedure procedure, ObservationSchedule schedule, Clock clock, EntityManager em) {
        this.access = access;
        this.casePolicy = casePolicy;
        this.supervision = supervision;
        this.audit = audit;
        this.validation = validation;
        this.idempotencyKeys = idempotencyKeys;
        this.caseworkers = caseworkers;
        this.tool = tool;
        this.procedure = procedure;
        this.schedule = schedule;
        this.clock = clock;
        this.em = em;
    }

    @Transactional
    public ObservationNode record(RecordObservationInput input) {
        validation.check(input);
        CaseworkerProfile caseworker = caseworkers.profile(GlobalId.decode(input.caseworkerId(), CaseworkerNode.TYPE, "input.caseworkerId"));
        Caller supervisor = supervision.mayManageSupervision("observation.record", caseworkers.agencyCode(caseworker), null);
        if (input.observedOn().isAfter(LocalDate.now(clock).plusDays(1))) {
            throw ApiException.invalid("input.observedOn", "An observation records a session that took place");
        }
        ConsentToObserve.require(input, input.observedOn());
        UUID caseId = caseOfAgency("observation.record", input.caseId());
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(supervisor.subject(), "recordObservation", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            return view(Observation.findById(earlier.get()));
        }
        Observation observation = newObservation(id, caseworker, supervisor, caseId, input.observedOn(), input.caseChosenTogether(), input,
                ObservationStatus.DRAFT);
        ConsentToObserve.apply(input, observation);
        observation.supervisorActions = input.supervisorActions();
        observation.caseworkerActions = input.caseworkerActions();
        observation.feedbackSessionOn = input.feedbackSessionOn();
        writeForm(observation, input);
        observation.persist();
        em.flush();
        writeAreas(observation, input.areas());
        writeProcedure(observation, input);
        audit.allowed(supervisor, AuditLog.Entry.of("observation.record", "Observation", id, caseId));
        return view(observation);
    }

    /**
     * "Schedule an observation with an appropriate case in advance with the caseworker": the day, the case chosen
     * together and on which grounds. Nothing of the session yet, not even its consent.
     */
    @Transactional
    public ObservationNode plan(PlanObservationInput input) {
        validation.check(input);
        CaseworkerProfile caseworker = caseworkers.profile(GlobalId.decode(input.caseworkerId(), CaseworkerNode.TYPE, "input.caseworkerId"));
        Caller supervisor = supervision.mayManageSupervision("observation.plan", caseworkers.agencyCode(caseworker), null);
        if (input.plannedFor().isBefore(LocalDate.now(clock))) {
            throw ApiException.invalid("input.plannedFor", "Schedule the observation in advance: today or a later day");
        }
        if (!input.caseChosenTogether()) {
            throw ApiException.invalid("input.caseChosenTogether", "The caseworker and the supervisor determine together which case is observed");
        }
        if (input.caseSelectionGrounds().isEmpty()) {
            throw ApiException.invalid("input.caseSelectionGrounds", "Say why this case: the child's vulnerability, safety and "
                    + "well-being, \"do no harm\", \"best interest of the child\"");
        }
        UUID caseId = caseOfAgency("observation.plan", input.caseId());
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(supervisor.subject(), "planObservation", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            return view(Observation.findById(earlier.get()));
        }
        Observation observation = newObservation(id, caseworker, supervisor, caseId, input.plannedFor(), true, input,
                ObservationStatus.PLANNED);
        observation.plannedAt = observation.createdAt;
        observation.persist();
        em.flush();
        procedure.writeDuties(observation, input.duties(), observation.createdAt);
        audit.allowed(supervisor, AuditLog.Entry.of("observation.plan", "Observation", id, caseId));
        return view(observation);
    }

    /** PLANNED → DRAFT on the day: the session takes place, with the consent the tool asks for. */
    @Transactional
    public ObservationNode begin(BeginObservationInput input) {
        validation.check(input);
        Observation observation = editable(input.id(), input.version(), "observation.begin", ObservationStatus.PLANNED,
                "Only a planned observation begins");
        LocalDate on = input.observedOn() == null ? observation.observedOn : input.observedOn();
        if (on.isAfter(LocalDate.now(clock).plusDays(1))) {
            throw ApiException.invalid("input.observedOn", "An observation begins on the day of the session");
        }
        ConsentToObserve.require(input, on);
        ConsentToObserve.apply(input, observation);
        observation.observedOn = on;
        observation.status = ObservationStatus.DRAFT;
        return changed(observation, access.caller(), "observation.begin");
    }

    /** A supervisor's due lists for the agency, as of a day (default today). */
    @Transactional
    public Plan plan(LocalDate asOf) {
        Caller caller = supervision.mayManageOwnAgency("observation.plan.list");
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        List<ObservationNode> planned = views(Observation.<Observation>find("agencyId = (select id from Agency where code = ?1) and status = ?2"
                + " order by observedOn, createdAt", caller.agencyCode(), ObservationStatus.PLANNED).list());
        List<ObservationNode> feedbackOverdue = views(Observation.<Observation>find("agencyId = (select id from Agency where code = ?1)"
                + " and status = ?2 and feedbackDueOn < ?3 order by feedbackDueOn, createdAt", caller.agencyCode(), ObservationStatus.COMPLETED, day)
                .list());
        return new Plan(day, planned.stream().filter(o -> !o.observedOn().isBefore(day)).toList(),
                planned.stream().filter(o -> o.observedOn().isBefore(day)).toList(), feedbackOverdue);
    }

    @Transactional
    public ObservationNode update(UpdateObservationInput input) {
        validation.check(input);
        Observation observation = editable(input.id(), input.version(), "observation.update", ObservationStatus.DRAFT,
                "Only a draft observation is edited");
        if (input.supervisorActions() != null) observation.supervisorActions = input.supervisorActions();
        if (input.caseworkerActions() != null) observation.caseworkerActions = input.caseworkerActions();
        if (input.feedbackSessionOn() != null) observation.feedbackSessionOn = input.feedbackSessionOn();
        writeForm(observation, input);
        writeAreas(observation, input.areas());
        writeProcedure(observation, input);
        return changed(observation, access.caller(), "observation.update");
    }

    @Transactional
    public ObservationNode complete(CompleteObservationInput input) {
        validation.check(input);
        Observation observation = editable(input.id(), input.version(), "observation.complete", ObservationStatus.DRAFT,
                "Only a draft observation is completed");
        long rated = ((Number) em.createNativeQuery("select count(*) from observation_rating where observation_id = ?1 and rating is not null")
                .setParameter(1, observation.id).getSingleResult()).longValue();
        if (rated < ObservationAreaCode.values().length) {
            throw ApiException.invalid("input.id", "Rate all nine areas before completing the observation");
        }
        procedure.requireComplete(observation);
        if (input.feedbackSessionOn() != null) observation.feedbackSessionOn = input.feedbackSessionOn();
        observation.status = ObservationStatus.COMPLETED;
        observation.completedAt = OffsetDateTime.now(clock);
        observation.feedbackDueOn = schedule.feedbackDue(observation.observedOn);
        return changed(observation, access.caller(), "observation.complete");
    }

    @Transactional
    public ObservationNode acknowledge(AcknowledgeObservationInput input) {
        validation.check(input);
        Observed observed = observed(GlobalId.decode(input.id(), ObservationNode.TYPE, "input.id"));
        Caller caller = supervision.mayAcknowledgeObservation(observed.id(), observed.agencyCode(), observed.caseworkerSubject(),
                observed.caseworkerUsername());
        caseworkers.bindOnFirstUse(caller, observed.caseworker(), observed.agencyCode());
        Observation observation = observed.observation();
        requireVersion(observation, input.version());
        requireStatus(observation, ObservationStatus.COMPLETED, "Feedback is acknowledged on a completed observation");
        observation.caseworkerReflections = input.reflections();
        observation.caseworkerQuestions = input.questions();
        observation.status = ObservationStatus.FEEDBACK_GIVEN;
        observation.acknowledgedAt = OffsetDateTime.now(clock);
        return changed(observation, caller, "observation.acknowledge");
    }

    @Transactional
    public ObservationNode observation(UUID id) {
        Observed observed = observed(id);
        Caller caller = supervision.mayViewObservation("observation.read", id, observed.agencyCode(), observed.caseworkerSubject(),
                observed.caseworkerUsername());
        caseworkers.bindOnFirstUse(caller, observed.caseworker(), observed.agencyCode());
        return view(observed.observation());
    }

    /** A caseworker's own observations; a supervisor's: the agency's (optionally one caseworker's). */
    @Transactional
    public List<ObservationNode> observations(String caseworkerGlobalId) {
        ObservationScope scope = supervision.observationScope("observation.list");
        Caller caller = access.caller();
        List<Observation> rows;
        if (scope == ObservationScope.AGENCY) {
            UUID caseworker = caseworkerGlobalId == null ? null : GlobalId.decode(caseworkerGlobalId, CaseworkerNode.TYPE, "caseworkerId");
            rows = Observation.<Observation>find("agencyId = (select id from Agency where code = ?1) and (?2 is null or caseworkerId = ?2)"
                    + " order by observedOn desc", caller.agencyCode(), caseworker).list();
        } else {
            List<UUID> own = caseworkers.ownProfiles(caller);
            rows = own.isEmpty() ? List.of()
                    : Observation.<Observation>find("caseworkerId in ?1 order by observedOn desc", own).list();
        }
        return views(rows);
    }

    public Summary summary(LocalDate from, LocalDate to) {
        Caller caller = supervision.mayManageOwnAgency("observation.summary");
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "The period ends before it starts");
        }
        List<Tuple> rows = em.createNativeQuery("""
                        select a.code, r.rating, count(*) as n from observation o
                        join agency g on g.id = o.agency_id and g.code = ?1
                        join observation_rating r on r.observation_id = o.id join observation_area a on a.id = r.area_id
                        where o.status in ('COMPLETED', 'FEEDBACK_GIVEN') and o.observed_on between ?2 and ?3 and r.rating is not null
                        group by a.code, r.rating""", Tuple.class)
                .setParameter(1, caller.agencyCode()).setParameter(2, from).setParameter(3, to).getResultList();
        Map<ObservationAreaCode, int[]> counts = new EnumMap<>(ObservationAreaCode.class);
        for (ObservationAreaCode code : ObservationAreaCode.values()) {
            counts.put(code, new int[3]);
        }
        for (Tuple row : rows) {
            counts.get(ObservationAreaCode.valueOf(row.get("code", String.class)))[AreaRating.valueOf(row.get("rating", String.class)).ordinal()]
                    += row.get("n", Number.class).intValue();
        }
        long observations = ((Number) em.createNativeQuery("""
                        select count(*) from observation o join agency g on g.id = o.agency_id and g.code = ?1
                        where o.status in ('COMPLETED', 'FEEDBACK_GIVEN') and o.observed_on between ?2 and ?3""")
                .setParameter(1, caller.agencyCode()).setParameter(2, from).setParameter(3, to).getSingleResult()).longValue();
        return new Summary(from, to, (int) observations, counts.entrySet().stream()
                .map(e -> new AreaCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList());
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /** What recording and planning both write first: who observes whom, in which case, chosen how, on which day. */
    private Observation newObservation(UUID id, CaseworkerProfile caseworker, Caller supervisor, UUID caseId, LocalDate on,
                                       Boolean caseChosenTogether, CaseChoice choice, ObservationStatus status) {
        Observation observation = new Observation();
        observation.id = id;
        observation.agencyId = caseworker.agencyId;
        observation.templateId = ObservationTool.STANDARD_TEMPLATE;
        observation.caseworkerId = caseworker.id;
        observation.supervisorSubject = supervisor.subject();
        observation.supervisorName = supervisor.username();
        observation.observedOn = on;
        observation.caseId = caseId;
        observation.stage = choice.stage();
        observation.caseChosenTogether = caseChosenTogether;
        if (choice.caseSelectionGrounds() != null) {
            observation.caseSelectionGrounds = new ArrayList<>(choice.caseSelectionGrounds().stream().distinct().toList());
        }
        observation.caseSelectionNote = choice.caseSelectionNote();
        observation.status = status;
        observation.createdAt = OffsetDateTime.now(clock);
        observation.updatedAt = observation.createdAt;
        return observation;
    }

    /** The case an observation is of, which the supervisor works on (their agency's). */
    private UUID caseOfAgency(String action, String caseGlobalId) {
        UUID caseId = caseGlobalId == null ? null : GlobalId.decode(caseGlobalId, "Case", "input.caseId");
        if (caseId != null) {
            casePolicy.mayWorkOnCase(action, caseId, em.createQuery("select c.leadAgency.code from CaseFile c where c.id = ?1", String.class)
                    .setParameter(1, caseId).getResultStream().findFirst().orElse(null));
        }
        return caseId;
    }

    /** The observation the caller may edit, at the version they saw and in the status the change starts from. */
    private Observation editable(String globalId, int version, String action, ObservationStatus expected, String otherwise) {
        Observed observed = observed(GlobalId.decode(globalId, ObservationNode.TYPE, "input.id"));
        supervision.mayEditObservation(action, observed.id(), observed.agencyCode(), observed.caseworkerSubject(), observed.caseworkerUsername());
        requireVersion(observed.observation(), version);
        requireStatus(observed.observation(), expected, otherwise);
        return observed.observation();
    }

    /** An observation (null when there is none) with the caseworker it observes and their agency: what the policy decides on. */
    private record Observed(UUID id, Observation observation, CaseworkerProfile caseworker, String agencyCode) {
        String caseworkerSubject() {
            return caseworker == null ? null : caseworker.subject;
        }

        String caseworkerUsername() {
            return caseworker == null ? null : caseworker.username;
        }
    }

    private Observed observed(UUID id) {
        Observation observation = Observation.findById(id);
        CaseworkerProfile caseworker = observation == null ? null : caseworkers.profile(observation.caseworkerId);
        return new Observed(id, observation, caseworker, caseworkers.agencyCode(caseworker));
    }

    private static void requireVersion(Observation observation, int version) {
        ApiException.requireVersion("observation", observation.version, version);
    }

    private static void requireStatus(Observation observation, ObservationStatus expected, String message) {
        if (observation.status != expected) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, message + " (it is " + observation.status + ")");
        }
    }

    /** The end of every change: the version bumped once (also when only the areas, rows of their own, changed), audited. */
    private ObservationNode changed(Observation observation, Caller caller, String action) {
        observation.updatedAt = OffsetDateTime.now(clock);
        em.flush();
        audit.allowed(caller, AuditLog.Entry.of(action, "Observation", observation.id, observation.caseId));
        return view(observation);
    }

    /** Replaces the given areas' rating, comments and checklist; every example must belong to the observation's tool. */
    private void writeAreas(Observation observation, List<AreaInput> areas) {
        if (areas == null || areas.isEmpty()) {
            return;
        }
        List<ExampleRow> template = tool.exampleRows(observation.templateId);
        Map<ObservationAreaCode, UUID> areaIds = new EnumMap<>(ObservationAreaCode.class);
        Map<UUID, ObservationAreaCode> exampleArea = new HashMap<>();
        template.forEach(row -> {
            areaIds.put(row.area(), row.areaId());
            exampleArea.put(row.id(), row.area());
        });
        for (int i = 0; i < areas.size(); i++) {
            AreaInput area = areas.get(i);
            UUID areaId = areaIds.get(area.area());
            em.createNativeQuery("""
                            insert into observation_rating (observation_id, area_id, rating, examples_observed) values (?1, ?2, ?3, ?4)
                            on conflict (observation_id, area_id) do update set rating = excluded.rating, examples_observed = excluded.examples_observed""")
                    .setParameter(1, observation.id).setParameter(2, areaId)
                    .setParameter(3, area.rating() == null ? null : area.rating().name()).setParameter(4, area.examplesObserved())
                    .executeUpdate();
            if (area.checklist() == null) {
                continue;
            }
            em.createNativeQuery("delete from observation_check where observation_id = ?1 and example_id in "
                            + "(select id from observation_example where area_id = ?2)")
                    .setParameter(1, observation.id).setParameter(2, areaId).executeUpdate();
            for (int j = 0; j < area.checklist().size(); j++) {
                ChecklistInput check = area.checklist().get(j);
                String field = "input.areas[" + i + "].checklist[" + j + "].exampleId";
                UUID exampleId = GlobalId.decode(check.exampleId(), "ObservationExample", field);
                if (exampleArea.get(exampleId) != area.area()) {
                    throw ApiException.invalid(field, "Not an example behaviour of area " + area.area() + " in this observation's tool");
                }
                em.createNativeQuery("""
                                insert into observation_check (observation_id, example_id, mark) values (?1, ?2, ?3)
                                on conflict (observation_id, example_id) do update set mark = excluded.mark""")
                        .setParameter(1, observation.id).setParameter(2, exampleId).setParameter(3, check.mark().name()).executeUpdate();
            }
        }
    }

    private ObservationNode view(Observation observation) {
        return views(List.of(observation)).get(0);
    }

    /** Views with their tool, areas and checklists: four statements for any number of observations. */
    private List<ObservationNode> views(List<Observation> observations) {
        if (observations.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = observations.stream().map(o -> o.id).toList();
        Map<UUID, CaseworkerProfile> profiles = new HashMap<>();
        CaseworkerProfile.<CaseworkerProfile>list("id in ?1", observations.stream().map(o -> o.caseworkerId).distinct().toList())
                .forEach(p -> profiles.put(p.id, p));
        List<Tuple> ratings = em.createNativeQuery("""
                        select r.observation_id, a.code, a.title, r.rating, r.examples_observed, a.id as area_id from observation_rating r
                        join observation_area a on a.id = r.area_id where r.observation_id = any(?1) order by a.position""", Tuple.class)
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        List<Tuple> checks = em.createNativeQuery("""
                        select c.observation_id, e.area_id, e.id as example_id, e.text, c.mark from observation_check c
                        join observation_example e on e.id = c.example_id where c.observation_id = any(?1) order by e.position""", Tuple.class)
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        Map<String, List<ChecklistItem>> checklist = new HashMap<>();
        for (Tuple c : checks) {
            checklist.computeIfAbsent(c.get("observation_id") + "|" + c.get("area_id"), k -> new ArrayList<>())
                    .add(new ChecklistItem(GlobalId.encode("ObservationExample", c.get("example_id", UUID.class)), c.get("text", String.class),
                            ChecklistMark.valueOf(c.get("mark", String.class))));
        }
        Map<UUID, ToolVersion> templates = new HashMap<>();
        tool.toolVersions(observations.stream().map(o -> o.templateId).distinct().toList()).forEach(t -> templates.put(t.id(), t));
        Map<UUID, List<ObservedArea>> areas = new HashMap<>();
        for (Tuple r : ratings) {
            String rating = r.get("rating", String.class);
            areas.computeIfAbsent(r.get("observation_id", UUID.class), k -> new ArrayList<>()).add(new ObservedArea(
                    ObservationAreaCode.valueOf(r.get("code", String.class)), r.get("title", String.class),
                    rating == null ? null : AreaRating.valueOf(rating), r.get("examples_observed", String.class),
                    checklist.getOrDefault(r.get("observation_id") + "|" + r.get("area_id"), List.of())));
        }
        return observations.stream().map(o -> ObservationNode.of(o, CaseworkerNode.of(profiles.get(o.caseworkerId)),
                templates.get(o.templateId).name(), templates.get(o.templateId).version(), areas.getOrDefault(o.id, List.of()))).toList();
    }

    /** The duties, actions and reviews an input adds, after its areas. */
    private void writeProcedure(Observation observation, SupervisionTypes.ProcedureFields input) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        procedure.writeDuties(observation, input.duties(), now);
        procedure.writeActions(observation, input.actions());
        procedure.writeReviews(observation, input.actionReviews(), now);
    }

    /** Intervention and feedback: fields of the observation itself, set before it is written. */
    private void writeForm(Observation observation, SupervisionTypes.ProcedureFields input) {
        procedure.writeIntervention(observation, input.supervisorIntervened(), input.interventionReason(), input.interventionNote());
        if (input.feedbackStrengths() != null) observation.feedbackStrengths = blankToNull(input.feedbackStrengths());
        if (input.feedbackAreasToImprove() != null) observation.feedbackAreasToImprove = blankToNull(input.feedbackAreasToImprove());
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }
}
