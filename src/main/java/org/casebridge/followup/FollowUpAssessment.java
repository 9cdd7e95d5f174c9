package org.casebridge.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.casebridge.access.CasePolicy;
import org.casebridge.followup.FollowUpAssessmentTypes.AnswerInput;
import org.casebridge.followup.FollowUpAssessmentTypes.AnswerView;
import org.casebridge.followup.FollowUpAssessmentTypes.Assessment;
import org.casebridge.followup.FollowUpAssessmentTypes.DomainInput;
import org.casebridge.followup.FollowUpAssessmentTypes.DomainView;
import org.casebridge.followup.FollowUpAssessmentTypes.OutcomeInput;
import org.casebridge.followup.FollowUpAssessmentTypes.OutcomeView;
import org.casebridge.followup.FollowUpAssessmentTypes.QuestionView;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;
import org.casebridge.referral.Referral;
import org.casebridge.referral.ReferralView;
import org.casebridge.runtime.Rows;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The structured assessment of a follow-up with contact: every safety question of the current set answered, her
 * status in each of the six domains, and referral outcomes against the case's own referrals.
 */
@ApplicationScoped
public class FollowUpAssessment {

    static final String QUESTION_TYPE = "SafetyQuestion";

    private final CasePolicy casePolicy;
    private final EntityManager em;

    public FollowUpAssessment(CasePolicy casePolicy, EntityManager em) {
        this.casePolicy = casePolicy;
        this.em = em;
    }

    /** A row of {@code safety_question}. */
    public record Question(UUID id, int version, int position, String text) {
        QuestionView view() {
            return new QuestionView(GlobalId.encode(QUESTION_TYPE, id), version, position, text);
        }
    }

    /** The current set: the highest version. */
    public List<QuestionView> currentQuestions() {
        casePolicy.mayManageCases("safetyquestions.read");
        return current().stream().map(Question::view).toList();
    }

    private List<Question> current() {
        return tuples("""
                select id, version, position, text from safety_question
                where version = (select max(version) from safety_question) order by position""", List.of()).stream()
                .map(t -> new Question(t.get("id", UUID.class), t.get("version", Integer.class), t.get("position", Integer.class),
                        t.get("text", String.class))).toList();
    }

    /** Rows read by column name into records, never by position. */
    @SuppressWarnings("unchecked")
    private List<Tuple> tuples(String sql, Collection<UUID> followUpIds) {
        var query = em.createNativeQuery(sql, Tuple.class);
        if (sql.contains("?1")) {
            query.setParameter(1, followUpIds.toArray(UUID[]::new));
        }
        return query.getResultList();
    }

    /** The answers, domains and outcomes, decoded and checked against the case; refused naming the field otherwise. */
    public record Checked(Map<UUID, AnswerInput> answers, List<DomainInput> domains, Map<UUID, OutcomeInput> outcomes) {
    }

    /**
     * Checks a follow-up with contact at {@code contactAt}: every referral of the case still open is accounted for (an
     * outcome, or NOT_DISCUSSED and why); referrals made after the contact cannot have been discussed at it.
     */
    public Checked check(UUID caseId, OffsetDateTime contactAt, Assessment given) {
        List<AnswerInput> answers = given.safetyAnswers() == null ? List.of() : given.safetyAnswers();
        Map<UUID, AnswerInput> byQuestion = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            String field = "input.safetyAnswers[" + i + "]";
            AnswerInput answer = require(answers.get(i), field);
            if (byQuestion.put(GlobalId.decode(answer.questionId(), QUESTION_TYPE, field + ".questionId"), answer) != null) {
                throw ApiException.invalid(field + ".questionId", "Each safety question is answered once");
            }
        }
        Set<UUID> asked = current().stream().map(Question::id).collect(Collectors.toSet());
        if (!asked.equals(byQuestion.keySet())) {
            throw ApiException.invalid("input.safetyAnswers", "Assess safety during every visit: answer each of the " + asked.size()
                    + " current safety questions (safetyQuestions), and only those; DECLINED or NOT_SAFE_TO_ASK where she did not answer");
        }
        List<DomainInput> domains = given.domains() == null ? List.of() : given.domains();
        Set<FollowUpAssessmentTypes.Domain> seen = EnumSet.noneOf(FollowUpAssessmentTypes.Domain.class);
        for (int i = 0; i < domains.size(); i++) {
            if (!seen.add(require(domains.get(i), "input.domains[" + i + "]").domain())) {
                throw ApiException.invalid("input.domains[" + i + "].domain", "Each domain is given once");
            }
        }
        if (seen.size() != FollowUpAssessmentTypes.Domain.values().length) {
            throw ApiException.invalid("input.domains", "Give her status in each domain: safety, health, family, social life, "
                    + "feelings and services (NOT_DISCUSSED where it was not)");
        }
        List<OutcomeInput> outcomes = given.referralOutcomes() == null ? List.of() : given.referralOutcomes();
        Map<UUID, Referral> ofCase = Referral.<Referral>list("survivorCase.id = ?1 order by requestedAt, id", caseId)
                .stream().collect(Collectors.toMap(r -> r.id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<UUID, OutcomeInput> byReferral = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            String field = "input.referralOutcomeEntries[" + i + "]";
            OutcomeInput outcome = require(outcomes.get(i), field);
            UUID referralId = GlobalId.decode(outcome.referralId(), ReferralView.TYPE, field + ".referralId");
            if (!ofCase.containsKey(referralId)) {
                throw ApiException.invalid(field + ".referralId", "Not a referral of this case");
            }
            if (byReferral.put(referralId, outcome) != null) {
                throw ApiException.invalid(field + ".referralId", "Each referral's outcome is given once");
            }
            if (outcome.outcome() == FollowUpAssessmentTypes.Outcome.NOT_DISCUSSED && outcome.note() == null) {
                throw ApiException.invalid(field + ".note", "Say why the referral was not discussed");
            }
        }
        List<String> unaccounted = ofCase.values().stream().filter(r -> r.status.isOpen() && !r.requestedAt.isAfter(contactAt) && !byReferral.containsKey(r.id))
                .map(r -> GlobalId.encode(ReferralView.TYPE, r.id)).toList();
        if (!unaccounted.isEmpty()) {
            throw ApiException.invalid("input.referralOutcomeEntries", "Document the outcome of every open referral of the case, or that "
                    + "it was not discussed and why (NOT_DISCUSSED with a note); not accounted for: " + String.join(", ", unaccounted));
        }
        return new Checked(byQuestion, domains, byReferral);
    }

    private static <T> T require(T item, String field) {
        if (item == null) {
            throw ApiException.invalid(field, "An entry is required");
        }
        return item;
    }

    public void store(UUID followUpId, Checked checked) {
        checked.answers().forEach((question, a) -> em.createNativeQuery(
                        "insert into follow_up_safety_answer (follow_up_id, question_id, answer, note) values (?1, ?2, ?3, ?4)")
                .setParameter(1, followUpId).setParameter(2, question).setParameter(3, a.answer().name()).setParameter(4, a.note())
                .executeUpdate());
        checked.domains().forEach(d -> em.createNativeQuery(
                        "insert into follow_up_domain_status (follow_up_id, domain, status, note) values (?1, ?2, ?3, ?4)")
                .setParameter(1, followUpId).setParameter(2, d.domain().name()).setParameter(3, d.status().name())
                .setParameter(4, d.note()).executeUpdate());
        checked.outcomes().forEach((referral, o) -> em.createNativeQuery(
                        "insert into follow_up_referral_outcome (follow_up_id, referral_id, outcome, note) values (?1, ?2, ?3, ?4)")
                .setParameter(1, followUpId).setParameter(2, referral).setParameter(3, o.outcome().name()).setParameter(4, o.note())
                .executeUpdate());
    }

    // --- reading, batched per page of follow-ups -----------------------------------------------------------

    public Map<UUID, List<AnswerView>> answers(Collection<UUID> followUpIds) {
        return group(tuples("""
                        select a.follow_up_id, q.id, q.version, q.position, q.text, a.answer, a.note
                        from follow_up_safety_answer a join safety_question q on q.id = a.question_id
                        where a.follow_up_id = any(?1) order by q.position""", followUpIds),
                t -> new AnswerView(new Question(t.get("id", UUID.class), t.get("version", Integer.class),
                        t.get("position", Integer.class), t.get("text", String.class)).view(),
                        FollowUpAssessmentTypes.Answer.valueOf(t.get("answer", String.class)), t.get("note", String.class)));
    }

    public Map<UUID, List<DomainView>> domains(Collection<UUID> followUpIds) {
        return group(tuples("""
                        select follow_up_id, domain, status, note from follow_up_domain_status where follow_up_id = any(?1)
                        order by array_position(array['SAFETY', 'HEALTH', 'FAMILY', 'SOCIAL_LIFE', 'FEELINGS', 'SERVICES']::varchar[], domain)""",
                        followUpIds),
                t -> new DomainView(FollowUpAssessmentTypes.Domain.valueOf(t.get("domain", String.class)),
                        FollowUpAssessmentTypes.Status.valueOf(t.get("status", String.class)), t.get("note", String.class)));
    }

    public Map<UUID, List<OutcomeView>> outcomes(Collection<UUID> followUpIds) {
        return group(tuples("""
                        select follow_up_id, referral_id, outcome, note from follow_up_referral_outcome where follow_up_id = any(?1)
                        order by referral_id""", followUpIds),
                t -> new OutcomeView(GlobalId.encode(ReferralView.TYPE, t.get("referral_id", UUID.class)),
                        FollowUpAssessmentTypes.Outcome.valueOf(t.get("outcome", String.class)), t.get("note", String.class)));
    }

    private static <V> Map<UUID, List<V>> group(List<Tuple> rows, Function<Tuple, V> view) {
        return Rows.group(rows, t -> t.get("follow_up_id", UUID.class), view);
    }
}
