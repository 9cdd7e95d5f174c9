package org.casebridge.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.assessment.AssessmentEnums.ConcernRiskLevel;
import org.casebridge.assessment.AssessmentEnums.ConcernRoute;
import org.casebridge.assessment.AssessmentEnums.PlaceOrContext;
import org.casebridge.assessment.AssessmentEnums.ProfessionalLevel;
import org.casebridge.assessment.AssessmentEnums.SourceOfHelp;
import org.casebridge.assessment.AssessmentEnums.SessionStatus;
import org.casebridge.assessment.AssessmentEnums.SpeakerType;
import org.casebridge.assessment.AssessmentEnums.Urgency;
import org.casebridge.assessment.SessionNotesTypes.ConcernInput;
import org.casebridge.assessment.SessionNotesTypes.ConcernView;
import org.casebridge.assessment.SessionNotesTypes.FollowUpRequestInput;
import org.casebridge.assessment.SessionNotesTypes.FollowUpRequestStatusInput;
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
import java.util.ArrayList;
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
        GuideService.Version guide = new GuideService.Version(session.guideId, session.guideVersion);
        List<UUID> questions = guides.questionsOf(List.of(guide)).getOrDefault(guide, List.of()).stream()
                .map(q -> GlobalId.decode(q.id(), GuideTypes.QUESTION, "id")).toList();
        requireListedThemes(input);
        List<CreditedState> needCredits = needCredits(session, orEmpty(input.needs()));
        List<CreditedState> requestCredits = requestCredits(session, orEmpty(input.followUpRequests()));
        if (input.groupDynamics() != null) {
            session.groupDynamics = input.groupDynamics();
        }
        List<ResponseInput> responses = orEmpty(input.responses());
        for (int i = 0; i < responses.size(); i++) {
            ResponseInput r = required(responses.get(i), "input.responses[" + i + "]");
            UUID question = question(r.questionId(), questions, "input.responses[" + i + "].questionId");
            em.createNativeQuery("""
                            insert into fg_response (session_id, question_id, summary, successes, barriers_and_challenges, action_plans,
                                                     strategies, sources_of_help, places_and_contexts)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as varchar(40)[]), cast(?9 as varchar(40)[]))
                            on conflict (session_id, question_id) do update set summary = excluded.summary, successes = excluded.successes,
                                barriers_and_challenges = excluded.barriers_and_challenges, action_plans = excluded.action_plans,
                                strategies = excluded.strategies, sources_of_help = excluded.sources_of_help,
                                places_and_contexts = excluded.places_and_contexts""")
                    .setParameter(1, session.id).setParameter(2, question).setParameter(3, r.summary())
                    .setParameter(4, themes(r.successes())).setParameter(5, themes(r.barriersAndChallenges()))
                    .setParameter(6, themes(r.actionPlans())).setParameter(7, themes(r.strategies()))
                    .setParameter(8, names(r.sourcesOfHelp())).setParameter(9, names(r.placesAndContexts())).executeUpdate();
        }
        List<QuoteInput> quotes = orEmpty(input.quotes());
        for (int i = 0; i < quotes.size(); i++) {
            QuoteInput q = required(quotes.get(i), "input.quotes[" + i + "]");
            UUID question = q.questionId() == null ? null : question(q.questionId(), questions, "input.quotes[" + i + "].questionId");
            em.createNativeQuery("""
                            insert into fg_quote (id, session_id, question_id, speaker_type, text, themes) values (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, session.id).setParameter(3, question)
                    .setParameter(4, q.speakerType().name()).setParameter(5, q.text())
                    .setParameter(6, themes(q.themes()))
                    .executeUpdate();
        }
        List<NeedInput> needs = orEmpty(input.needs());
        for (int i = 0; i < needs.size(); i++) {
            NeedInput n = required(needs.get(i), "input.needs[" + i + "]");
            em.createNativeQuery("""
                            insert into fg_need (id, session_id, theme, professional_level, urgency, time_frame, description, state)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, session.id).setParameter(3, theme(n.theme()))
                    .setParameter(4, n.professionalLevel() == null ? null : n.professionalLevel().name()).setParameter(5, n.urgency().name())
                    .setParameter(6, n.timeFrame()).setParameter(7, n.description()).setParameter(8, needCredits.get(i).state()).executeUpdate();
        }
        List<FollowUpRequestInput> requests = orEmpty(input.followUpRequests());
        for (int i = 0; i < requests.size(); i++) {
            FollowUpRequestInput f = required(requests.get(i), "input.followUpRequests[" + i + "]");
            CreditedState credit = requestCredits.get(i);
            em.createNativeQuery("""
                            insert into fg_follow_up_request (id, session_id, theme, request, state, sign_in_id, agency)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, session.id).setParameter(3, theme(f.theme()))
                    .setParameter(4, f.request()).setParameter(5, credit.state()).setParameter(6, credit.signInId())
                    .setParameter(7, credit.agency()).executeUpdate();
        }
        List<ConcernInput> concerns = orEmpty(input.safeguardingConcerns());
        for (int i = 0; i < concerns.size(); i++) {
            ConcernInput c = required(concerns.get(i), "input.safeguardingConcerns[" + i + "]");
            em.createNativeQuery("""
                            insert into fg_safeguarding_concern (id, session_id, description, risk_level, raised_at) values (?1, ?2, ?3, ?4, now())""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, session.id).setParameter(3, c.description())
                    .setParameter(4, c.riskLevel() == null ? null : c.riskLevel().name()).executeUpdate();
        }
        session.facilitatorAgreedAt = null;
        session.noteTakerAgreedAt = null;
        return sessions.changed(session, "session.notes");
    }

    private record StateRow(String state) {
    }

    /** The states of the directory, so that a state typed on the sign-in sheet is spelled as the state leads' scope is. */
    private List<String> knownStates() {
        return Rows.read(em, StateRow.class, "select distinct state from agency where state is not null").stream().map(StateRow::state).toList();
    }

    private List<CreditedState.SignInLine> sheet(FocusGroupSession session) {
        return Rows.read(em, CreditedState.SignInLine.class, "select id, agency, state from fg_sign_in where session_id = ?1", session.id);
    }

    /**
     * Each need's state (the participants', CreditedState) and its professional level: required where the audience has
     * professional levels (practitioners, state officials), refused where it has none (caregivers, young people).
     */
    private List<CreditedState> needCredits(FocusGroupSession session, List<NeedInput> needs) {
        if (needs.isEmpty()) return List.of();
        List<CreditedState.SignInLine> sheet = sheet(session);
        List<String> known = knownStates();
        List<CreditedState> credits = new ArrayList<>();
        for (int i = 0; i < needs.size(); i++) {
            NeedInput n = required(needs.get(i), "input.needs[" + i + "]");
            if (session.audience.signsIn() && n.professionalLevel() == null) {
                throw ApiException.invalid("input.needs[" + i + "].professionalLevel",
                        "Say at which professional level the need is: manager, supervisor or caseworker");
            }
            if (!session.audience.signsIn() && n.professionalLevel() != null) {
                throw ApiException.invalid("input.needs[" + i + "].professionalLevel",
                        "The " + session.audience.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " have no professional level");
            }
            credits.add(CreditedState.of("input.needs[" + i + "]", n.state(), n.signInId(), sheet, session.state, known));
        }
        return credits;
    }

    private List<CreditedState> requestCredits(FocusGroupSession session, List<FollowUpRequestInput> requests) {
        if (requests.isEmpty()) return List.of();
        List<CreditedState.SignInLine> sheet = sheet(session);
        List<String> known = knownStates();
        List<CreditedState> credits = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            FollowUpRequestInput f = required(requests.get(i), "input.followUpRequests[" + i + "]");
            credits.add(CreditedState.of("input.followUpRequests[" + i + "]", f.state(), f.signInId(), sheet, session.state, known));
        }
        return credits;
    }

    @Transactional
    public ConcernView reportConcern(ReportConcernInput input) {
        validation.check(input);
        UUID id = GlobalId.decode(input.id(), SessionNotesTypes.CONCERN, "input.id");
        Object sessionId = em.createNativeQuery("select session_id from fg_safeguarding_concern where id = ?1").setParameter(1, id)
                .getResultStream().findFirst().orElse(null);
        FocusGroupSession session = sessions.visible("session.concern.report", (UUID) sessionId);
        SessionService.requireNotFinal(session);
        // the ID as this API writes it: decode accepts other spellings of the same ID (padding, letter case)
        String concernId = GlobalId.encode(SessionNotesTypes.CONCERN, id);
        ConcernView concern = notes(List.of(session.id)).get(session.id).safeguardingConcerns().stream()
                .filter(c -> c.id().equals(concernId)).findFirst().orElseThrow();
        if (Boolean.TRUE.equals(concern.leadAgencyActedOn())) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "The lead agency has acted on this report; its route stands");
        }
        if (input.reportedAt().isAfter(OffsetDateTime.now(clock).plusMinutes(5)) || input.reportedAt().toLocalDate().isBefore(session.heldOn)) {
            throw ApiException.invalid("input.reportedAt", "Reported between the session and now");
        }
        ConcernRiskLevel riskLevel = input.riskLevel() != null ? input.riskLevel() : concern.riskLevel();
        if (riskLevel == null) {
            throw ApiException.invalid("input.riskLevel", "Say whether a child is at risk, may be at risk, or it is not a child-protection concern");
        }
        if (blank(input.supervisorConsulted()) == blank(input.supervisorNotConsultedReason())) {
            throw ApiException.invalid("input.supervisorConsulted", "Name the supervisor consulted before reporting, or say why none was");
        }
        UUID leadAgency = leadAgency(input);
        em.createNativeQuery("""
                        update fg_safeguarding_concern set reported_at = ?2, reported_to = ?3, risk_level = ?4, supervisor_consulted = ?5,
                            supervisor_not_consulted_reason = ?6, route = ?7, lead_agency_id = ?8 where id = ?1""")
                .setParameter(1, id).setParameter(2, input.reportedAt()).setParameter(3, input.reportedTo())
                .setParameter(4, riskLevel.name()).setParameter(5, blank(input.supervisorConsulted()) ? null : input.supervisorConsulted().strip())
                .setParameter(6, blank(input.supervisorNotConsultedReason()) ? null : input.supervisorNotConsultedReason().strip())
                .setParameter(7, input.route().name()).setParameter(8, leadAgency).executeUpdate();
        audit.allowed(access.caller(), AuditLog.Entry.of("session.concern.report", SessionView.TYPE, session.id, null)
                .withDetail(input.route().name() + " " + riskLevel.name()));
        return notes(List.of(session.id)).get(session.id).safeguardingConcerns().stream()
                .filter(c -> c.id().equals(concernId)).findFirst().orElseThrow();
    }

    private record LeadAgencyRow(UUID id, String type) {
    }

    /** Route LEAD_AGENCY names an agency that leads cases (case management or child protection); other routes name none. */
    private UUID leadAgency(ReportConcernInput input) {
        if (input.route() != ConcernRoute.LEAD_AGENCY) {
            if (!blank(input.leadAgencyCode())) {
                throw ApiException.invalid("input.leadAgencyCode", "A lead agency is named only for the route LEAD_AGENCY");
            }
            return null;
        }
        if (blank(input.leadAgencyCode())) {
            throw ApiException.invalid("input.leadAgencyCode", "Name the lead agency the concern was reported to");
        }
        LeadAgencyRow agency = Rows.read(em, LeadAgencyRow.class, "select id, type from agency where upper(code) = upper(?1)",
                input.leadAgencyCode().strip()).stream().findFirst()
                .orElseThrow(() -> ApiException.invalid("input.leadAgencyCode", "No agency of the directory has this code"));
        if (!agency.type().equals("CASE_MANAGEMENT") && !agency.type().equals("CHILD_PROTECTION")) {
            throw ApiException.invalid("input.leadAgencyCode", "A lead agency is a case management or child protection agency");
        }
        return agency.id();
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The session's two workers follow a request up after the session, final or not: it is not part of the notes. */
    @Transactional
    public FollowUpRequestView changeFollowUpRequestStatus(FollowUpRequestStatusInput input) {
        validation.check(input);
        UUID id = GlobalId.decode(input.id(), SessionNotesTypes.FOLLOW_UP_REQUEST, "input.id");
        Object sessionId = em.createNativeQuery("select session_id from fg_follow_up_request where id = ?1").setParameter(1, id)
                .getResultStream().findFirst().orElse(null);
        FocusGroupSession session = sessions.visible("session.follow-up-request.status", (UUID) sessionId);
        em.createNativeQuery("update fg_follow_up_request set status = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, input.status().name()).executeUpdate();
        audit.allowed(access.caller(), AuditLog.Entry.of("session.follow-up-request.status", SessionView.TYPE, session.id, null)
                .withDetail(input.status().name()));
        String requestId = GlobalId.encode(SessionNotesTypes.FOLLOW_UP_REQUEST, id); // as this API writes it, whatever the spelling
        return notes(List.of(session.id)).get(session.id).followUpRequests().stream()
                .filter(r -> r.id().equals(requestId)).findFirst().orElseThrow();
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
        List<ResponseInput> responses = orEmpty(input.responses());
        for (int i = 0; i < responses.size(); i++) {
            ResponseInput r = responses.get(i);
            if (r == null) continue;
            Map<String, List<String>> tagged = new java.util.LinkedHashMap<>();
            tagged.put("successes", orEmpty(r.successes()));
            tagged.put("barriersAndChallenges", orEmpty(r.barriersAndChallenges()));
            tagged.put("actionPlans", orEmpty(r.actionPlans()));
            tagged.put("strategies", orEmpty(r.strategies()));
            Map<String, List<?>> fixed = Map.of("sourcesOfHelp", orEmpty(r.sourcesOfHelp()), "placesAndContexts", orEmpty(r.placesAndContexts()));
            for (Map.Entry<String, List<?>> kind : fixed.entrySet()) {
                // element by element: List.of(), which orEmpty answers for an absent list, throws on contains(null)
                for (int j = 0; j < kind.getValue().size(); j++) {
                    if (kind.getValue().get(j) == null) {
                        throw ApiException.invalid("input.responses[" + i + "]." + kind.getKey() + "[" + j + "]", "Required");
                    }
                }
            }
            for (Map.Entry<String, List<String>> kind : tagged.entrySet()) {
                for (int j = 0; j < kind.getValue().size(); j++) {
                    if (kind.getValue().get(j) == null) {
                        throw ApiException.invalid("input.responses[" + i + "]." + kind.getKey() + "[" + j + "]", "Required");
                    }
                    themes.requireListed(theme(kind.getValue().get(j)), "input.responses[" + i + "]." + kind.getKey() + "[" + j + "]", listed);
                }
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

    private static String[] themes(List<String> tags) {
        return orEmpty(tags).stream().map(SessionNotesService::theme).distinct().toArray(String[]::new);
    }

    private static String[] names(List<? extends Enum<?>> tags) {
        return orEmpty(tags).stream().map(Enum::name).distinct().toArray(String[]::new);
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

    private record ResponseRow(UUID sessionId, UUID questionId, int position, String summary, List<String> successes,
                               List<String> barriersAndChallenges, List<String> actionPlans, List<String> strategies,
                               List<String> sourcesOfHelp, List<String> placesAndContexts) {
    }

    private record QuoteRow(UUID sessionId, UUID questionId, SpeakerType speakerType, String text, List<String> themes) {
    }

    private record NeedRow(UUID sessionId, String theme, String state, ProfessionalLevel professionalLevel, Urgency urgency, String timeFrame,
                           String description) {
    }

    private record FollowUpRequestRow(UUID sessionId, UUID id, String theme, String request, String state, UUID signInId, String agency,
                                      SessionNotesTypes.FollowUpRequestStatus status) {
    }

    private record ConcernRow(UUID sessionId, UUID id, String description, OffsetDateTime raisedAt, OffsetDateTime reportedAt,
                              String reportedTo, ConcernRiskLevel riskLevel, String supervisorConsulted, String supervisorNotConsultedReason,
                              ConcernRoute route, String leadAgencyCode, Boolean actedOn) {
    }

    public Map<UUID, NotesView> notes(Collection<UUID> sessionIds) {
        Map<UUID, List<ResponseView>> responses = Rows.group(rows(ResponseRow.class, """
                select r.session_id, r.question_id, q.position, r.summary, r.successes, r.barriers_and_challenges, r.action_plans,
                       r.strategies, cast(r.sources_of_help as text[]) as sources_of_help, cast(r.places_and_contexts as text[]) as places_and_contexts
                from fg_response r join guide_question q on q.id = r.question_id
                where r.session_id = any(?1) order by q.position""", sessionIds), ResponseRow::sessionId,
                r -> new ResponseView(GlobalId.encode(GuideTypes.QUESTION, r.questionId()), r.position(), r.summary(), r.successes(),
                        r.barriersAndChallenges(), r.actionPlans(), r.strategies(),
                        r.sourcesOfHelp().stream().map(SourceOfHelp::valueOf).toList(),
                        r.placesAndContexts().stream().map(PlaceOrContext::valueOf).toList()));
        Map<UUID, List<QuoteView>> quotes = Rows.group(rows(QuoteRow.class,
                "select session_id, question_id, speaker_type, text, themes from fg_quote where session_id = any(?1) order by id", sessionIds),
                QuoteRow::sessionId, r -> new QuoteView(r.questionId() == null ? null : GlobalId.encode(GuideTypes.QUESTION, r.questionId()),
                        r.speakerType(), r.text(), r.themes()));
        Map<UUID, List<NeedView>> needs = Rows.group(rows(NeedRow.class, """
                select session_id, theme, state, professional_level, urgency, time_frame, description from fg_need where session_id = any(?1)
                order by theme, id""", sessionIds), NeedRow::sessionId,
                r -> new NeedView(r.theme(), r.state(), r.professionalLevel(), r.urgency(), r.timeFrame(), r.description()));
        Map<UUID, List<FollowUpRequestView>> requests = Rows.group(rows(FollowUpRequestRow.class, """
                select session_id, id, theme, request, state, sign_in_id, agency, status from fg_follow_up_request where session_id = any(?1)
                order by theme, id""", sessionIds),
                FollowUpRequestRow::sessionId, r -> new FollowUpRequestView(GlobalId.encode(SessionNotesTypes.FOLLOW_UP_REQUEST, r.id()),
                        r.theme(), r.request(), r.state(), r.signInId() == null ? null : GlobalId.encode(CreditedState.SIGN_IN, r.signInId()),
                        r.agency(), r.status()));
        Map<UUID, List<ConcernView>> concerns = Rows.group(rows(ConcernRow.class, """
                select c.session_id, c.id, c.description, c.raised_at, c.reported_at, c.reported_to, c.risk_level, c.supervisor_consulted,
                       c.supervisor_not_consulted_reason, c.route, a.code as lead_agency_code, c.case_id is not null as acted_on
                from fg_safeguarding_concern c left join agency a on a.id = c.lead_agency_id
                where c.session_id = any(?1) order by c.raised_at, c.id""", sessionIds), ConcernRow::sessionId,
                r -> new ConcernView(GlobalId.encode(SessionNotesTypes.CONCERN, r.id()), r.description(), r.raisedAt(), r.reportedAt(),
                        r.reportedTo(), r.riskLevel(), r.supervisorConsulted(), r.supervisorNotConsultedReason(), r.route(),
                        r.leadAgencyCode(), r.route() == ConcernRoute.LEAD_AGENCY ? r.actedOn() : null));
        Map<UUID, NotesView> bySession = new HashMap<>();
        sessionIds.forEach(id -> bySession.put(id, new NotesView(responses.getOrDefault(id, List.of()), quotes.getOrDefault(id, List.of()),
                needs.getOrDefault(id, List.of()), requests.getOrDefault(id, List.of()), concerns.getOrDefault(id, List.of()))));
        return bySession;
    }

    private <R extends Record> List<R> rows(Class<R> type, String sql, Collection<UUID> sessionIds) {
        return Rows.read(em, type, sql, (Object) sessionIds.toArray(UUID[]::new));
    }
}
