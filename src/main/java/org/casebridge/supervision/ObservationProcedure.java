package org.casebridge.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;
import org.casebridge.runtime.Rows;
import org.casebridge.supervision.ProcedureTypes.Action;
import org.casebridge.supervision.ProcedureTypes.ActionInput;
import org.casebridge.supervision.ProcedureTypes.ActionReviewInput;
import org.casebridge.supervision.ProcedureTypes.ActionStatus;
import org.casebridge.supervision.ProcedureTypes.Duty;
import org.casebridge.supervision.ProcedureTypes.DutyCheck;
import org.casebridge.supervision.ProcedureTypes.DutyCheckInput;
import org.casebridge.supervision.ProcedureTypes.Guidance;
import org.casebridge.supervision.ProcedureTypes.InterventionReason;
import org.casebridge.supervision.ProcedureTypes.ObservationPhase;
import org.casebridge.supervision.ProcedureTypes.Party;
import org.casebridge.supervision.SupervisionTypes.ObservationAreaCode;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The procedure around the form (seed 002): the tool's guidance and its before / during / after duties, the duties
 * checked for an observation, whether the supervisor intervened and why, the actions for supervisor and caseworker
 * and their review by the caseworker's next observation, and what completing needs.
 */
@ApplicationScoped
public class ObservationProcedure {

    static final String DUTY = "ObservationDuty";
    static final String ACTION = "ObservationAction";

    private final EntityManager em;

    public ObservationProcedure(EntityManager em) {
        this.em = em;
    }

    private record GuidanceRow(String heading, String body) {
    }

    private record DutyRow(UUID id, ObservationPhase phase, Party dutyOf, int position, String text) {
    }

    private record DutyCheckRow(UUID observationId, UUID dutyId, ObservationPhase phase, Party dutyOf, String text, Boolean done, String note) {
    }

    private record ActionRow(UUID id, UUID observationId, Party actionOf, String text, ActionStatus status, String reviewNote,
                             UUID reviewedIn, OffsetDateTime reviewedAt) {
        Action view() {
            return new Action(GlobalId.encode(ACTION, id), actionOf, text, status, reviewNote,
                    reviewedIn == null ? null : GlobalId.encode(SupervisionTypes.ObservationNode.TYPE, reviewedIn), reviewedAt);
        }
    }

    private record UnexampledArea(ObservationAreaCode code) {
    }

    // --- the tool ----------------------------------------------------------------------------------------

    public List<Guidance> guidance(UUID templateId) {
        return Rows.read(em, GuidanceRow.class, "select heading, body from observation_guidance where template_id = ?1 order by position",
                templateId).stream().map(g -> new Guidance(g.heading(), g.body())).toList();
    }

    public List<Duty> duties(UUID templateId) {
        return dutyRows(templateId).stream().map(d -> new Duty(GlobalId.encode(DUTY, d.id()), d.phase(), d.dutyOf(), d.position(), d.text()))
                .toList();
    }

    private List<DutyRow> dutyRows(UUID templateId) {
        return Rows.read(em, DutyRow.class, """
                select id, phase, duty_of, position, text from observation_duty where template_id = ?1
                order by case phase when 'BEFORE' then 1 when 'DURING' then 2 else 3 end, duty_of desc, position""", templateId);
    }

    // --- writing -----------------------------------------------------------------------------------------

    /** Records the given duty checks (each replacing an earlier check of the same duty); every duty is one of the observation's tool. */
    public void writeDuties(Observation observation, List<DutyCheckInput> checks, OffsetDateTime now) {
        if (checks == null) return;
        Set<UUID> duties = dutyRows(observation.templateId).stream().map(DutyRow::id).collect(Collectors.toSet());
        for (int i = 0; i < checks.size(); i++) {
            DutyCheckInput check = required(checks.get(i), "input.duties[" + i + "]");
            UUID duty = GlobalId.decode(check.dutyId(), DUTY, "input.duties[" + i + "].dutyId");
            if (!duties.contains(duty)) {
                throw ApiException.invalid("input.duties[" + i + "].dutyId", "Not a duty of this observation's tool");
            }
            if (!check.done() && blank(check.note())) {
                throw ApiException.invalid("input.duties[" + i + "].note", "Say why this was not done");
            }
            em.createNativeQuery("""
                            insert into observation_duty_check (observation_id, duty_id, done, note, checked_at) values (?1, ?2, ?3, ?4, ?5)
                            on conflict (observation_id, duty_id) do update set done = excluded.done, note = excluded.note,
                                checked_at = excluded.checked_at""")
                    .setParameter(1, observation.id).setParameter(2, duty).setParameter(3, check.done())
                    .setParameter(4, blank(check.note()) ? null : check.note().strip()).setParameter(5, now).executeUpdate();
        }
    }

    /** "Unless it is essential to intervene": whether the supervisor did, and on which of the tool's two grounds. */
    public void writeIntervention(Observation observation, Boolean intervened, InterventionReason reason, String note) {
        boolean didIntervene = Boolean.TRUE.equals(intervened != null ? intervened : observation.supervisorIntervened);
        InterventionReason why = reason != null ? reason : observation.interventionReason;
        if (didIntervene && why == null) {
            throw ApiException.invalid("input.interventionReason", "Say why you intervened: a risk of causing harm, or the caseworker asked");
        }
        if (intervened != null && !intervened && reason != null) {
            throw ApiException.invalid("input.interventionReason", "A reason only when you intervened");
        }
        if (intervened != null) observation.supervisorIntervened = intervened;
        observation.interventionReason = didIntervene ? why : null;
        if (note != null) observation.interventionNote = blank(note) ? null : note.strip();
        if (!didIntervene) observation.interventionNote = null;
    }

    /** The observation's own actions, as given, replacing those it had (while it is a draft). */
    public void writeActions(Observation observation, List<ActionInput> actions) {
        if (actions == null) return;
        for (int i = 0; i < actions.size(); i++) {
            required(actions.get(i), "input.actions[" + i + "]");
        }
        em.createNativeQuery("delete from observation_action where observation_id = ?1").setParameter(1, observation.id).executeUpdate();
        for (int i = 0; i < actions.size(); i++) {
            em.createNativeQuery("insert into observation_action (id, observation_id, position, action_of, text) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, observation.id).setParameter(3, i + 1)
                    .setParameter(4, actions.get(i).actionOf().name()).setParameter(5, actions.get(i).text().strip()).executeUpdate();
        }
    }

    /** Reviews of the actions of the caseworker's earlier observations that are still open: each DONE or NOT_DONE. */
    public void writeReviews(Observation observation, List<ActionReviewInput> reviews, OffsetDateTime now) {
        if (reviews == null) return;
        Set<UUID> open = toReview(List.of(observation.id)).getOrDefault(observation.id, List.of()).stream().map(ActionRow::id)
                .collect(Collectors.toSet());
        for (int i = 0; i < reviews.size(); i++) {
            ActionReviewInput review = required(reviews.get(i), "input.actionReviews[" + i + "]");
            UUID action = GlobalId.decode(review.actionId(), ACTION, "input.actionReviews[" + i + "].actionId");
            if (!open.contains(action)) {
                throw ApiException.invalid("input.actionReviews[" + i + "].actionId",
                        "Not an open action of this caseworker's earlier observations");
            }
            if (review.status() == ActionStatus.OPEN) {
                throw ApiException.invalid("input.actionReviews[" + i + "].status",
                        "A review says DONE or NOT_DONE; an action carried forward is a new action of this observation");
            }
            if (review.status() == ActionStatus.NOT_DONE && blank(review.note())) {
                throw ApiException.invalid("input.actionReviews[" + i + "].note", "Say why it was not done");
            }
            em.createNativeQuery("""
                            update observation_action set status = ?2, review_note = ?3, reviewed_in = ?4, reviewed_at = ?5 where id = ?1""")
                    .setParameter(1, action).setParameter(2, review.status().name())
                    .setParameter(3, blank(review.note()) ? null : review.note().strip()).setParameter(4, observation.id)
                    .setParameter(5, now).executeUpdate();
        }
    }

    /**
     * What the tool asks for before an observation is complete, beyond the nine ratings: "making sure that concrete
     * examples are noted" for every rated area, the before and during duties, whether the supervisor intervened,
     * "constructive and positive feedback", and the review of the caseworker's open actions.
     */
    public void requireComplete(Observation observation) {
        List<UnexampledArea> unexampled = Rows.read(em, UnexampledArea.class, """
                select a.code from observation_rating r join observation_area a on a.id = r.area_id
                where r.observation_id = ?1 and r.rating is not null and coalesce(btrim(r.examples_observed), '') = ''
                order by a.position""", observation.id);
        if (!unexampled.isEmpty()) {
            throw ApiException.invalid("observation.areas." + unexampled.get(0).code() + ".examplesObserved",
                    "Note a concrete example or comment for every rated area: " + unexampled.stream().map(u -> u.code().name()).toList());
        }
        Number unchecked = (Number) em.createNativeQuery("""
                        select count(*) from observation_duty d where d.template_id = ?1 and d.phase in ('BEFORE', 'DURING')
                        and not exists (select 1 from observation_duty_check c where c.observation_id = ?2 and c.duty_id = d.id)""")
                .setParameter(1, observation.templateId).setParameter(2, observation.id).getSingleResult();
        if (unchecked.intValue() > 0) {
            throw ApiException.invalid("observation.duties", unchecked + " duty(ies) before or during the observation not checked yet");
        }
        if (observation.supervisorIntervened == null) {
            throw ApiException.invalid("observation.supervisorIntervened", "Say whether you intervened during the session");
        }
        if (blank(observation.feedbackStrengths)) {
            throw ApiException.invalid("observation.feedbackStrengths", "Note the strengths to praise (positive feedback)");
        }
        if (blank(observation.feedbackAreasToImprove)) {
            throw ApiException.invalid("observation.feedbackAreasToImprove", "Note the areas to improve (constructive feedback)");
        }
        int open = toReview(List.of(observation.id)).getOrDefault(observation.id, List.of()).size();
        if (open > 0) {
            throw ApiException.invalid("observation.actionsToReview", open + " action(s) of earlier observations to review first");
        }
    }

    // --- reading, in batches -----------------------------------------------------------------------------

    public Map<UUID, List<DutyCheck>> dutyChecks(Collection<UUID> observations) {
        return Rows.group(Rows.read(em, DutyCheckRow.class, """
                        select c.observation_id, c.duty_id, d.phase, d.duty_of, d.text, c.done, c.note
                        from observation_duty_check c join observation_duty d on d.id = c.duty_id where c.observation_id = any(?1)
                        order by case d.phase when 'BEFORE' then 1 when 'DURING' then 2 else 3 end, d.duty_of desc, d.position""",
                (Object) observations.toArray(UUID[]::new)), DutyCheckRow::observationId,
                c -> new DutyCheck(GlobalId.encode(DUTY, c.dutyId()), c.phase(), c.dutyOf(), c.text(), c.done(), c.note()));
    }

    public Map<UUID, List<Action>> actions(Collection<UUID> observations) {
        return Rows.group(Rows.read(em, ActionRow.class, """
                        select id, observation_id, action_of, text, status, review_note, reviewed_in, reviewed_at from observation_action
                        where observation_id = any(?1) order by position""", (Object) observations.toArray(UUID[]::new)),
                ActionRow::observationId, ActionRow::view);
    }

    /** For each planned or draft observation: the open actions of the same caseworker's completed earlier observations. */
    public Map<UUID, List<Action>> actionsToReview(Collection<UUID> observations) {
        Map<UUID, List<Action>> views = new HashMap<>();
        toReview(observations).forEach((id, rows) -> views.put(id, rows.stream().map(ActionRow::view).toList()));
        return views;
    }

    private record Pending(UUID pendingFor, UUID id, UUID observationId, Party actionOf, String text, ActionStatus status,
                           String reviewNote, UUID reviewedIn, OffsetDateTime reviewedAt) {
        ActionRow row() {
            return new ActionRow(id, observationId, actionOf, text, status, reviewNote, reviewedIn, reviewedAt);
        }
    }

    private Map<UUID, List<ActionRow>> toReview(Collection<UUID> observations) {
        return Rows.group(Rows.read(em, Pending.class, """
                        select o.id as pending_for, a.id, a.observation_id, a.action_of, a.text, a.status, a.review_note, a.reviewed_in,
                               a.reviewed_at
                        from observation o join observation e on e.caseworker_id = o.caseworker_id and e.id <> o.id
                             and e.status in ('COMPLETED', 'FEEDBACK_GIVEN')
                             and (e.observed_on, e.created_at) < (o.observed_on, o.created_at)
                        join observation_action a on a.observation_id = e.id and a.reviewed_in is null
                        where o.id = any(?1) and o.status in ('PLANNED', 'DRAFT') order by e.observed_on, e.created_at, a.position""",
                (Object) observations.toArray(UUID[]::new)), Pending::pendingFor, Pending::row);
    }

    private static <T> T required(T item, String field) {
        if (item == null) throw ApiException.invalid(field, "Required");
        return item;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
