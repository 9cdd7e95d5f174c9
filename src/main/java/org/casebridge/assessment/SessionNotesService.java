package org.casebridge.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.assessment.AssessmentEnums.ProfessionalLevel;
import org.casebridge.assessment.AssessmentEnums.SessionStatus;
import org.casebridge.assessment.AssessmentEnums.SpeakerType;
import org.casebridge.assessment.AssessmentEnums.Urgency;
import org.casebridge.assessment.SessionNotesTypes.ConcernInput;
import org.casebridge.assessment.SessionNotesTypes.ConcernView;
import org.casebridge.assessment.SessionNotesTypes.FollowUpRequestInput;
import org.casebridge.assessment.SessionNotesTypes.FollowUpRequestView;
import org.casebridge.assessment.SessionNotesTypes.NeedInput;
import org.casebridge.assessment.SessionNotesTypes.NeedView;
import org.casebridge.assessment.SessionNotesTypes.NotesView;
import org.casebridge.assessment.SessionNotesTypes.QuoteInput;
import org.casebridge.assessment.SessionNotesTypes.QuoteView;
import org.casebridge.assessment.SessionNotesTypes.RecordNotesInput;
import org.casebridge.assessment.SessionNotesTypes.ReportConcernInput;
import org.casebridge.assessment.SessionNotesTypes.ResponseInput;
import org.casebridge.assessment.SessionNotesTypes.ResponseView;
import org.casebridge.assessment.SessionTypes.SessionView;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.InputValidation;
import org.casebridge.runtime.Rows;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What was said in a session (responses, quotes, needs, follow-up requests, tagged with listed themes) and the
 * safeguarding concerns raised in it, which must be reported before the notes can be agreed.
 */
@ApplicationScoped
public class SessionNotesService {

    private final AccessPolicy access;
    private final AuditLog audit;
    private final InputValidation validation;
    private final EntityManager em;
    private final Clock clock;
    private final NeedThemes themes;
    private final GuideService guides;
    private final SessionService sessions;

    public SessionNotesService(AccessPolicy access, AuditLog audit, InputValidation validation, EntityManager em, Clock clock, NeedThemes themes, GuideService guides, SessionService sessions) {
        this.access = access;
        this.audit = audit;
        this.validation = validation;
        this.em = em;
        this.clock = clock;
        this.themes = themes;
        this.guides = guides;
        this.sessions = sessions;
    }

    @Transactional
    public SessionView recordNotes(RecordNotesInput input) {
        validation.check(input);
        FocusGroupSession session = sessions.forChange("session.notes", input.id(), input.version());
        if (session.status == SessionStatus.PLANNED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Confirm the participants' consent before recording anything");
        }
        List<UUID> questions = guides.questions(List.of(session.guideId)).getOrDefault(session.guideId, List.of()).stream()
                .map(q -> GlobalId.decode(q.id(), GuideTypes.QUESTION, "id")).toList();
        requireListedThemes(input);
        if (input.groupDynamics() != null) {
            session.groupDynamics = input.groupDynamics();
        }
        List<ResponseInput> responses = orEmpty(input.responses());
        for (int i = 0; i < responses.size(); i++) {
            ResponseInput r = required(responses.get(i), "input.responses[" + i + "]");
            UUID question = question(r.questionId(), questions, "input.responses[" + i + "].questionId");
            em.createNativeQuery("""
                            insert into fg_response (session_id, question_id, summary) values (?1, ?2, ?3)
                            on conflict (session_id, question_id) do update set summary = excluded.summary""")
                    .setParameter(1, session.id).setParameter(2, question).setParameter(3, r.summary()).executeUpdate();
        }
        List<QuoteInput> quotes = orEmpty(input.quotes());
        for (int i = 0; i < quotes.size(); i++) {
            QuoteInput q = required(quotes.get(i), "input.quotes[" + i + "]");
            UUID question = q.questionId() == null ? null : question(q.questionId(), questions, "input.quotes[" + i + "].questionId");
            em.createNativeQuery("""
                            insert into fg_quote (id, session_id, question_id, speaker_type, text, themes) values (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, session.id).setParameter(3, question)
                    .setParameter(4, q.speakerType().name()).setParameter(5, q.text())
                    .setParameter(6, orEmpty(q.themes()).stream().map(SessionNotesService::theme).distinct().toArray(String[]::new))
                    .executeUpdate();
        }
        List<NeedInput> needs = orEmpty(input.needs());
        for (int i = 0; i < needs.size(); i++) {
            NeedInput n = required(needs.get(i), "input.needs[" + i + "]");
            em.createNativeQuery("""
                            insert into fg_need (id, session_id, theme, professional_level, urgency, time_frame, description)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, session.id).setParameter(3, theme(n.theme()))
                    .setParameter(4, n.professionalLevel().name()).setParameter(5, n.urgency().name()).setParameter(6, n.timeFrame())
                    .setParameter(7, n.description()).executeUpdate();
        }
        List<FollowUpRequestInput> requests = orEmpty(input.followUpRequests());
        for (int i = 0; i < requests.size(); i++) {
            FollowUpRequestInput f = required(requests.get(i), "input.followUpRequests[" + i + "]");
            em.createNativeQuery("insert into fg_follow_up_request (id, session_id, theme, request) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, session.id).setParameter(3, theme(f.theme()))
                    .setParameter(4, f.request()).executeUpdate();
        }
        List<ConcernInput> concerns = orEmpty(input.safeguardingConcerns());
        for (int i = 0; i < concerns.size(); i++) {
            ConcernInput c = required(concerns.get(i), "input.safeguardingConcerns[" + i + "]");
            em.createNativeQuery("insert into fg_safeguarding_concern (id, session_id, description, raised_at) values (?1, ?2, ?3, now())")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, session.id).setParameter(3, c.description()).executeUpdate();
        }
        session.facilitatorAgreedAt = null;
        session.noteTakerAgreedAt = null;
        return sessions.changed(session, "session.notes");
    }

    @Transactional
    public ConcernView reportConcern(ReportConcernInput input) {
        validation.check(input);
        UUID id = GlobalId.decode(input.id(), SessionNotesTypes.CONCERN, "input.id");
        Object sessionId = em.createNativeQuery("select session_id from fg_safeguarding_concern where id = ?1").setParameter(1, id)
                .getResultStream().findFirst().orElse(null);
        FocusGroupSession session = sessions.visible("session.concern.report", (UUID) sessionId);
        SessionService.requireNotFinal(session);
        if (input.reportedAt().isAfter(OffsetDateTime.now(clock).plusMinutes(5)) || input.reportedAt().toLocalDate().isBefore(session.heldOn)) {
            throw ApiException.invalid("input.reportedAt", "Reported between the session and now");
        }
        em.createNativeQuery("update fg_safeguarding_concern set reported_at = ?2, reported_to = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, input.reportedAt()).setParameter(3, input.reportedTo()).executeUpdate();
        audit.allowed(access.caller(), AuditLog.Entry.of("session.concern.report", SessionView.TYPE, session.id, null));
        return notes(List.of(session.id)).get(session.id).safeguardingConcerns().stream()
                .filter(c -> c.id().equals(input.id())).findFirst().orElseThrow();
    }

    private static UUID question(String id, List<UUID> questions, String field) {
        UUID question = GlobalId.decode(id, GuideTypes.QUESTION, field);
        if (!questions.contains(question)) {
            throw ApiException.invalid(field, "Not a question of this session's guide");
        }
        return question;
    }

    /** Every theme of the notes must be on the controlled list (needThemes), checked before anything is stored. */
    private void requireListedThemes(RecordNotesInput input) {
        java.util.Set<String> listed = themes.names();
        List<QuoteInput> quotes = orEmpty(input.quotes());
        for (int i = 0; i < quotes.size(); i++) {
            List<String> tags = quotes.get(i) == null ? List.of() : orEmpty(quotes.get(i).themes());
            for (int j = 0; j < tags.size(); j++) {
                themes.requireListed(theme(tags.get(j)), "input.quotes[" + i + "].themes[" + j + "]", listed);
            }
        }
        List<NeedInput> needs = orEmpty(input.needs());
        for (int i = 0; i < needs.size(); i++) {
            if (needs.get(i) != null) themes.requireListed(theme(needs.get(i).theme()), "input.needs[" + i + "].theme", listed);
        }
        List<FollowUpRequestInput> requests = orEmpty(input.followUpRequests());
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i) != null) {
                themes.requireListed(theme(requests.get(i).theme()), "input.followUpRequests[" + i + "].theme", listed);
            }
        }
    }

    /** Themes are compared as the same words, whatever the case and spacing. */
    static String theme(String theme) {
        return theme.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> T required(T item, String field) {
        if (item == null) {
            throw ApiException.invalid(field, "Required");
        }
        return item;
    }

    private record ResponseRow(UUID sessionId, UUID questionId, int position, String summary) {
    }

    private record QuoteRow(UUID sessionId, UUID questionId, SpeakerType speakerType, String text, List<String> themes) {
    }

    private record NeedRow(UUID sessionId, String theme, ProfessionalLevel professionalLevel, Urgency urgency, String timeFrame,
                           String description) {
    }

    private record FollowUpRequestRow(UUID sessionId, String theme, String request) {
    }

    private record ConcernRow(UUID sessionId, UUID id, String description, OffsetDateTime raisedAt, OffsetDateTime reportedAt,
                              String reportedTo) {
    }

    public Map<UUID, NotesView> notes(Collection<UUID> sessionIds) {
        Map<UUID, List<ResponseView>> responses = Rows.group(rows(ResponseRow.class, """
                select r.session_id, r.question_id, q.position, r.summary from fg_response r join guide_question q on q.id = r.question_id
                where r.session_id = any(?1) order by q.position""", sessionIds), ResponseRow::sessionId,
                r -> new ResponseView(GlobalId.encode(GuideTypes.QUESTION, r.questionId()), r.position(), r.summary()));
        Map<UUID, List<QuoteView>> quotes = Rows.group(rows(QuoteRow.class,
                "select session_id, question_id, speaker_type, text, themes from fg_quote where session_id = any(?1) order by id", sessionIds),
                QuoteRow::sessionId, r -> new QuoteView(r.questionId() == null ? null : GlobalId.encode(GuideTypes.QUESTION, r.questionId()),
                        r.speakerType(), r.text(), r.themes()));
        Map<UUID, List<NeedView>> needs = Rows.group(rows(NeedRow.class, """
                select session_id, theme, professional_level, urgency, time_frame, description from fg_need where session_id = any(?1)
                order by theme""", sessionIds), NeedRow::sessionId,
                r -> new NeedView(r.theme(), r.professionalLevel(), r.urgency(), r.timeFrame(), r.description()));
        Map<UUID, List<FollowUpRequestView>> requests = Rows.group(rows(FollowUpRequestRow.class,
                "select session_id, theme, request from fg_follow_up_request where session_id = any(?1) order by theme", sessionIds),
                FollowUpRequestRow::sessionId, r -> new FollowUpRequestView(r.theme(), r.request()));
        Map<UUID, List<ConcernView>> concerns = Rows.group(rows(ConcernRow.class, """
                select session_id, id, description, raised_at, reported_at, reported_to from fg_safeguarding_concern
                where session_id = any(?1) order by raised_at, id""", sessionIds), ConcernRow::sessionId,
                r -> new ConcernView(GlobalId.encode(SessionNotesTypes.CONCERN, r.id()), r.description(), r.raisedAt(), r.reportedAt(),
                        r.reportedTo()));
        Map<UUID, NotesView> bySession = new HashMap<>();
        sessionIds.forEach(id -> bySession.put(id, new NotesView(responses.getOrDefault(id, List.of()), quotes.getOrDefault(id, List.of()),
                needs.getOrDefault(id, List.of()), requests.getOrDefault(id, List.of()), concerns.getOrDefault(id, List.of()))));
        return bySession;
    }

    private <R extends Record> List<R> rows(Class<R> type, String sql, Collection<UUID> sessionIds) {
        return Rows.read(em, type, sql, (Object) sessionIds.toArray(UUID[]::new));
    }
}
