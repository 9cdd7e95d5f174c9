package org.casebridge.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.InformationCategory;
import org.casebridge.agency.Agency;
import org.casebridge.agency.ServiceType;
import org.casebridge.casefile.ActionPlanTypes.ActionPlan;
import org.casebridge.casefile.ActionPlanTypes.AddGoalInput;
import org.casebridge.casefile.ActionPlanTypes.GoalView;
import org.casebridge.casefile.ActionPlanTypes.ReviseGoalInput;
import org.casebridge.casefile.ActionPlanTypes.RevisionView;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;
import org.casebridge.runtime.Rows;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The case action plan (step 3, revised at every follow-up): goals per need area, every revision kept. */
@ApplicationScoped
public class ActionPlanService {

    private final AccessPolicy access;
    private final AuditLog audit;
    private final InputValidation validation;
    private final IdempotencyKeys idempotencyKeys;
    private final CaseService cases;
    private final EntityManager em;
    private final Clock clock;

    public ActionPlanService(AccessPolicy access, AuditLog audit, InputValidation validation, IdempotencyKeys idempotencyKeys,
                             CaseService cases, EntityManager em, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.validation = validation;
        this.idempotencyKeys = idempotencyKeys;
        this.cases = cases;
        this.em = em;
    }

    /** The plan of a case as the caller may see it: category CASE_PLAN. No SQL: the goals are loaded in one batch. */
    public ActionPlan plan(CaseView view) {
        access.reveal(view.disclosure(), InformationCategory.CASE_PLAN);
        return new ActionPlan(view.file().id);
    }

    public Map<UUID, List<GoalView>> goals(Collection<UUID> caseIds) {
        return Rows.group(ActionPlanGoal.<ActionPlanGoal>list(
                "from ActionPlanGoal g join fetch g.responsibleAgency where g.caseId in ?1 order by g.createdAt, g.id", caseIds),
                g -> g.caseId, GoalView::of);
    }

    public Map<String, List<RevisionView>> revisions(Collection<String> goalIds) {
        Map<UUID, String> ids = new HashMap<>();
        goalIds.forEach(id -> ids.put(GlobalId.decode(id, ActionPlanTypes.GOAL_TYPE, "id"), id));
        return Rows.group(Rows.read(em, RevisionRow.class, """
                        select r.goal_id, r.revision, r.need_area, r.goal, r.actions, a.code as responsible_agency_code, r.status,
                               r.note, r.revised_by_name, r.revised_at, r.conference_id
                        from action_plan_revision r join agency a on a.id = r.responsible_agency_id
                        where r.goal_id = any(?1) order by r.goal_id, r.revision""", (Object) ids.keySet().toArray(UUID[]::new)),
                r -> ids.get(r.goalId()), RevisionRow::view);
    }

    private record RevisionRow(UUID goalId, int revision, ServiceType needArea, String goal, String actions,
                               String responsibleAgencyCode, ActionPlanGoal.Status status, String note, String revisedByName,
                               OffsetDateTime revisedAt, UUID conferenceId) {
        RevisionView view() {
            return new RevisionView(revision, needArea, goal, actions, responsibleAgencyCode, status, note, revisedByName, revisedAt,
                    conferenceId == null ? null : GlobalId.encode("Conference", conferenceId));
        }
    }

    @Transactional
    public GoalView add(AddGoalInput input) {
        validation.check(input);
        CaseFile file = cases.openForWork("actionplan.add", input.caseId());
        Caller caller = access.caller();
        Agency responsible = agency(input.responsibleAgencyCode(), "input.responsibleAgencyCode");
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(caller.subject(), "addActionPlanGoal", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            return GoalView.of(ActionPlanGoal.findById(earlier.get()));
        }
        ActionPlanGoal goal = new ActionPlanGoal();
        goal.id = id;
        goal.caseId = file.id;
        goal.needArea = input.needArea();
        goal.goal = input.goal();
        goal.actions = input.actions();
        goal.responsibleAgency = responsible;
        goal.status = input.status() == null ? ActionPlanGoal.Status.NOT_STARTED : input.status();
        goal.createdAt = OffsetDateTime.now(clock);
        goal.updatedAt = goal.createdAt;
        goal.persist();
        em.flush();
        keepRevision(caller, goal, "Goal added");
        audit.allowed(caller, AuditLog.Entry.of("actionplan.add", "ActionPlanGoal", id, file.id).withCategories(Set.of(InformationCategory.CASE_PLAN)));
        return GoalView.of(goal);
    }

    @Transactional
    public GoalView revise(ReviseGoalInput input) {
        validation.check(input);
        UUID goalId = GlobalId.decode(input.id(), ActionPlanTypes.GOAL_TYPE, "input.id");
        UUID conferenceId = input.conferenceId() == null ? null : GlobalId.decode(input.conferenceId(), "Conference", "input.conferenceId");
        ActionPlanGoal before = ActionPlanGoal.findById(goalId);
        if (conferenceId != null && before != null && ((Number) em.createNativeQuery(
                        "select count(*) from conference where id = ?1 and case_id = ?2 and status = 'HELD'")
                .setParameter(1, conferenceId).setParameter(2, before.caseId).getSingleResult()).longValue() == 0) {
            cases.forWork("actionplan.revise", before.caseId);
            throw ApiException.invalid("input.conferenceId", "Not a held conference of this case");
        }
        ActionPlanGoal goal = revise(goalId, input.version(), input.goal(), input.actions(), input.responsibleAgencyCode(), input.status(),
                input.note(), "actionplan.revise");
        if (conferenceId != null) {
            em.createNativeQuery("update action_plan_revision set conference_id = ?1 where goal_id = ?2 and revision = ?3")
                    .setParameter(1, conferenceId).setParameter(2, goalId).setParameter(3, goal.version + 1).executeUpdate();
        }
        return GoalView.of(goal);
    }

    /** Every goal of a case, for the closure review. */
    public List<ActionPlanGoal> goalsOf(UUID caseId) {
        return ActionPlanGoal.list("caseId = ?1 order by createdAt, id", caseId);
    }

    /** Changes a goal of an open case the caller's agency leads, and keeps the revision; used by closure too. */
    public ActionPlanGoal revise(UUID goalId, Integer version, String text, String actions, String responsibleAgencyCode,
                                 ActionPlanGoal.Status status, String note, String action) {
        ActionPlanGoal goal = ActionPlanGoal.findById(goalId);
        UUID caseId = goal == null ? null : goal.caseId;
        cases.openForWork(action, caseId);
        Caller caller = access.caller();
        if (version != null) {
            ApiException.requireVersion("goal", goal.version, version);
        }
        if (text != null) goal.goal = text;
        if (actions != null) goal.actions = actions;
        if (responsibleAgencyCode != null) goal.responsibleAgency = agency(responsibleAgencyCode, "input.responsibleAgencyCode");
        if (status != null) goal.status = status;
        goal.updatedAt = OffsetDateTime.now(clock);
        em.flush();
        keepRevision(caller, goal, note);
        audit.allowed(caller, AuditLog.Entry.of(action, "ActionPlanGoal", goalId, caseId).withCategories(Set.of(InformationCategory.CASE_PLAN)));
        return goal;
    }

    private void keepRevision(Caller caller, ActionPlanGoal goal, String note) {
        em.createNativeQuery("""
                        insert into action_plan_revision (goal_id, revision, need_area, goal, actions, responsible_agency_id, status,
                                                          note, revised_by_subject, revised_by_name, revised_at)
                        select id, version + 1, need_area, goal, actions, responsible_agency_id, status, ?2, ?3, ?4, updated_at
                        from action_plan_goal where id = ?1""")
                .setParameter(1, goal.id).setParameter(2, note).setParameter(3, caller.subject()).setParameter(4, caller.username())
                .executeUpdate();
    }

    private static Agency agency(String code, String field) {
        return Agency.byCode(code).orElseThrow(() -> ApiException.invalid(field, "No agency with this code"));
    }
}
