package org.casebridge.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.FeedbackPolicy;
import org.casebridge.access.Caller;
import org.casebridge.casefile.CaseEnums.CaseStatus;
import org.casebridge.casefile.CaseFile;
import org.casebridge.casefile.CaseService;
import org.casebridge.feedback.FeedbackTypes.AdministrationView;
import org.casebridge.feedback.FeedbackTypes.Answer;
import org.casebridge.feedback.FeedbackTypes.AnswerInput;
import org.casebridge.feedback.FeedbackTypes.ConsentInput;
import org.casebridge.feedback.FeedbackTypes.InterviewInput;
import org.casebridge.feedback.FeedbackTypes.LinkInput;
import org.casebridge.feedback.FeedbackTypes.Mode;
import org.casebridge.feedback.FeedbackTypes.QuestionView;
import org.casebridge.feedback.FeedbackTypes.Section;
import org.casebridge.feedback.FeedbackTypes.StartInput;
import org.casebridge.feedback.FeedbackTypes.StartPayload;
import org.casebridge.feedback.FeedbackTypes.TemplateView;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.InputValidation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The client feedback survey (module 14, step 6): administered after closure by someone other than the survivor's
 * caseworker, with her informed consent, as an interview or by herself through a single-use expiring link. Answers
 * are stored with no case, administration or exact time, so nothing ties them back to her; they are read only as
 * disclosure-controlled aggregates.
 */
@ApplicationScoped
public class FeedbackService {

    static final String ADMINISTRATION_TYPE = "FeedbackSurveyAdministration";
    static final String QUESTION_TYPE = "FeedbackQuestion";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessPolicy access;
    private final FeedbackPolicy feedback;
    private final AuditLog audit;
    private final InputValidation validation;
    private final CaseService cases;
    private final Clock clock;
    private final EntityManager em;
    private final int linkValidDays;

    public FeedbackService(AccessPolicy access, FeedbackPolicy feedback, AuditLog audit, InputValidation validation, CaseService cases,
                           Clock clock, EntityManager em,
                           @ConfigProperty(name = "casebridge.feedback.link-valid-days", defaultValue = "14") int linkValidDays) {
        this.access = access;
        this.feedback = feedback;
        this.audit = audit;
        this.validation = validation;
        this.cases = cases;
        this.clock = clock;
        this.em = em;
        this.linkValidDays = linkValidDays;
    }

    private record Template(UUID id, TemplateView view) {
    }

    /** The survey in use: the latest version. */
    public TemplateView currentTemplate() {
        access.caller();
        return template(null).view();
    }

    private Template template(UUID id) {
        String columns = "select id, version, title, consent_script, provenance from feedback_template ";
        Tuple t = (Tuple) (id == null
                ? em.createNativeQuery(columns + "order by version desc limit 1", Tuple.class)
                : em.createNativeQuery(columns + "where id = ?1", Tuple.class).setParameter(1, id))
                .getSingleResult();
        UUID templateId = t.get("id", UUID.class);
        List<Tuple> rows = em.createNativeQuery("select id, section, position, text from feedback_question where template_id = ?1 order by position",
                        Tuple.class).setParameter(1, templateId).getResultList();
        List<QuestionView> questions = rows.stream().map(q -> new QuestionView(GlobalId.encode(QUESTION_TYPE, q.get("id", UUID.class)),
                Section.valueOf(q.get("section", String.class)), q.get("position", Number.class).intValue(), q.get("text", String.class))).toList();
        return new Template(templateId, new TemplateView(t.get("version", Number.class).intValue(), t.get("title", String.class),
                t.get("consent_script", String.class), t.get("provenance", String.class), questions));
    }

    // --- administering -----------------------------------------------------------------------------------

    @Transactional
    public StartPayload start(StartInput input) {
        validation.check(input);
        CaseFile file = cases.forWork("feedback.start", input.caseId());
        Caller caller = feedback.mayAdministerFeedback(file.id, file.caseworkerSubject);
        if (file.status != CaseStatus.CLOSED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "The feedback survey is given after the case is closed");
        }
        requireInformedConsent(input.consent());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Number already = (Number) em.createNativeQuery("""
                        select count(*) from feedback_administration a
                        where a.case_id = ?1 and a.started_at >= (select max(decided_at) from case_closure where case_id = ?1 and status = 'APPROVED')
                          and (a.completed_at is not null or a.mode = 'INTERVIEW' or a.link_expires_at > ?2)""")
                .setParameter(1, file.id).setParameter(2, now).getSingleResult();
        if (already.intValue() > 0) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "A feedback survey for this closure is already under way or done");
        }
        Template template = template(null);
        String token = input.mode() == Mode.SELF_COMPLETION ? newToken() : null;
        OffsetDateTime expires = token == null ? null : now.plusDays(linkValidDays);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into feedback_administration (id, case_id, agency_id, template_id, mode, administered_by_subject,
                            administered_by_name, purpose_explained, voluntary_explained, confidentiality_explained,
                            no_effect_on_services_explained, consent_given, started_at, link_token_hash, link_expires_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, true, true, true, true, true, ?8, ?9, ?10)""")
                .setParameter(1, id).setParameter(2, file.id).setParameter(3, file.leadAgency.id).setParameter(4, template.id())
                .setParameter(5, input.mode().name()).setParameter(6, caller.subject()).setParameter(7, caller.username())
                .setParameter(8, now).setParameter(9, token == null ? null : hash(token)).setParameter(10, expires)
                .executeUpdate();
        audit.allowed(caller, AuditLog.Entry.of("feedback.start", ADMINISTRATION_TYPE, id, file.id).withDetail(input.mode().name()));
        return new StartPayload(new AdministrationView(GlobalId.encode(ADMINISTRATION_TYPE, id), input.mode(), caller.username(), now,
                expires, false, template.view()), token);
    }

    private static void requireInformedConsent(ConsentInput consent) {
        Map<String, Boolean> told = new java.util.LinkedHashMap<>();
        told.put("purposeExplained", consent.purposeExplained());
        told.put("voluntaryExplained", consent.voluntaryExplained());
        told.put("confidentialityExplained", consent.confidentialityExplained());
        told.put("noEffectOnServicesExplained", consent.noEffectOnServicesExplained());
        told.put("consentGiven", consent.consentGiven());
        told.forEach((item, yes) -> {
            if (!yes) {
                throw ApiException.invalid("input.consent." + item, "The survey needs the survivor's informed consent: " + item);
            }
        });
    }

    /** The survey behind a link, for the page she fills in: no login. */
    public TemplateView surveyByLink(String token) {
        return template(claimable(token).templateId()).view();
    }

    private record Claim(UUID id, UUID agencyId, UUID templateId, Mode mode) {
        static Claim of(Tuple t) {
            return new Claim(t.get("id", UUID.class), t.get("agency_id", UUID.class), t.get("template_id", UUID.class),
                    Mode.valueOf(t.get("mode", String.class)));
        }
    }

    /** The administration behind a link token, still usable; otherwise a clear error. */
    private Claim claimable(String token) {
        List<Tuple> rows = em.createNativeQuery("""
                        select id, agency_id, template_id, mode, completed_at is not null as used, link_expires_at <= ?2 as expired
                        from feedback_administration where link_token_hash = ?1""", Tuple.class)
                .setParameter(1, hash(token == null ? "" : token)).setParameter(2, OffsetDateTime.now(clock)).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Survey link");
        }
        Tuple r = rows.get(0);
        if (r.get("used", Boolean.class)) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "This survey link has already been used; each link works once");
        }
        if (r.get("expired", Boolean.class)) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "This survey link has expired");
        }
        return Claim.of(r);
    }

    /** Self-completion through the link: no login; the token works once, until it expires. */
    @Transactional
    public void submitByLink(LinkInput input) {
        validation.check(input);
        Claim claim = claimable(input.token());
        int claimed = em.createNativeQuery("""
                        update feedback_administration set completed_at = ?2
                        where id = ?1 and completed_at is null and link_expires_at > ?2""")
                .setParameter(1, claim.id()).setParameter(2, OffsetDateTime.now(clock)).executeUpdate();
        if (claimed != 1) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "This survey link has already been used; each link works once");
        }
        store(claim, input.answers());
        audit.allowed(new Caller("survey-link", "survivor (survey link)", null, null, Set.of()),
                AuditLog.Entry.of("feedback.submit", ADMINISTRATION_TYPE, claim.id(), null).withDetail(Mode.SELF_COMPLETION.name()));
    }

    /** An interview: the answers are entered by the person who administered it. */
    @Transactional
    public void submitInterview(InterviewInput input) {
        validation.check(input);
        UUID id = GlobalId.decode(input.administrationId(), ADMINISTRATION_TYPE, "input.administrationId");
        List<Tuple> rows = em.createNativeQuery("""
                        select id, agency_id, template_id, mode, administered_by_subject, case_id from feedback_administration
                        where id = ?1 and completed_at is null for update""", Tuple.class).setParameter(1, id).getResultList();
        Tuple r = rows.stream().filter(row -> Mode.INTERVIEW.name().equals(row.get("mode", String.class))).findFirst().orElse(null);
        Caller caller = feedback.mayEnterInterview(ADMINISTRATION_TYPE, id, r == null ? null : r.get("administered_by_subject", String.class));
        em.createNativeQuery("update feedback_administration set completed_at = ?2 where id = ?1").setParameter(1, id)
                .setParameter(2, OffsetDateTime.now(clock)).executeUpdate();
        store(Claim.of(r), input.answers());
        audit.allowed(caller, AuditLog.Entry.of("feedback.submit", ADMINISTRATION_TYPE, id, r.get("case_id", UUID.class)).withDetail(Mode.INTERVIEW.name()));
    }

    /** The answers, with nothing that ties them to the survivor: agency, survey version, mode and month only. */
    private void store(Claim claim, List<AnswerInput> answers) {
        Map<UUID, Answer> byQuestion = new HashMap<>();
        List<UUID> questions = template(claim.templateId()).view().questions().stream()
                .map(q -> GlobalId.decode(q.id(), QUESTION_TYPE, "id")).toList();
        for (int i = 0; i < answers.size(); i++) {
            AnswerInput answer = answers.get(i);
            String field = "input.answers[" + i + "]";
            if (answer == null) {
                throw ApiException.invalid(field, "An answer is required");
            }
            UUID question = GlobalId.decode(answer.questionId(), QUESTION_TYPE, field + ".questionId");
            if (!questions.contains(question) || byQuestion.put(question, answer.answer()) != null) {
                throw ApiException.invalid(field + ".questionId", "Answer each question of this survey at most once");
            }
        }
        UUID responseId = UUID.randomUUID();
        em.createNativeQuery("insert into feedback_response (id, template_id, agency_id, mode, period) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, responseId).setParameter(2, claim.templateId()).setParameter(3, claim.agencyId())
                .setParameter(4, claim.mode().name()).setParameter(5, LocalDate.now(clock).withDayOfMonth(1))
                .executeUpdate();
        em.createNativeQuery("""
                        insert into feedback_answer (response_id, question_id, answer)
                        select ?1, q, coalesce(a, 'NO_ANSWER') from unnest(?2, ?3) as t(q, a)""")
                .setParameter(1, responseId)
                .setParameter(2, questions.toArray(UUID[]::new))
                .setParameter(3, questions.stream().map(q -> byQuestion.containsKey(q) ? byQuestion.get(q).name() : null).toArray(String[]::new))
                .executeUpdate();
    }

    // --- results -----------------------------------------------------------------------------------------

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
