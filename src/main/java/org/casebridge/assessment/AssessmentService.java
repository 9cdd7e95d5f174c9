package org.casebridge.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AccessPolicy.SessionPart;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.assessment.AssessmentEnums.Audience;
import org.casebridge.assessment.AssessmentEnums.Composition;
import org.casebridge.assessment.AssessmentEnums.ProfessionalLevel;
import org.casebridge.assessment.AssessmentEnums.SessionStatus;
import org.casebridge.assessment.AssessmentEnums.SpeakerType;
import org.casebridge.assessment.AssessmentEnums.Urgency;
import org.casebridge.assessment.AssessmentTypes.AgreeNotesInput;
import org.casebridge.assessment.AssessmentTypes.ConcernInput;
import org.casebridge.assessment.AssessmentTypes.ConcernView;
import org.casebridge.assessment.AssessmentTypes.ConfirmConsentInput;
import org.casebridge.assessment.AssessmentTypes.CreateEventInput;
import org.casebridge.assessment.AssessmentTypes.CreateGuideInput;
import org.casebridge.assessment.AssessmentTypes.EventView;
import org.casebridge.assessment.AssessmentTypes.FollowUpRequestInput;
import org.casebridge.assessment.AssessmentTypes.FollowUpRequestView;
import org.casebridge.assessment.AssessmentTypes.GuideView;
import org.casebridge.assessment.AssessmentTypes.NeedInput;
import org.casebridge.assessment.AssessmentTypes.NeedView;
import org.casebridge.assessment.AssessmentTypes.NotesView;
import org.casebridge.assessment.AssessmentTypes.PlanSessionInput;
import org.casebridge.assessment.AssessmentTypes.QuestionInput;
import org.casebridge.assessment.AssessmentTypes.QuestionView;
import org.casebridge.assessment.AssessmentTypes.QuoteInput;
import org.casebridge.assessment.AssessmentTypes.QuoteView;
import org.casebridge.assessment.AssessmentTypes.RecordNotesInput;
import org.casebridge.assessment.AssessmentTypes.ReportConcernInput;
import org.casebridge.assessment.AssessmentTypes.ResponseInput;
import org.casebridge.assessment.AssessmentTypes.ResponseView;
import org.casebridge.assessment.AssessmentTypes.SessionView;
import org.casebridge.assessment.AssessmentTypes.SignInInput;
import org.casebridge.assessment.AssessmentTypes.SignInView;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Focus groups (FGD guides, seeds 000, 001, 003): guides, sessions, consent before anything is recorded, what was
 * said, safeguarding concerns reported before the notes can be agreed, and agreement by facilitator and note-taker.
 */
@ApplicationScoped
public class AssessmentService {

    private final AccessPolicy access;
    private final AuditLog audit;
    private final InputValidation validation;
    private final IdempotencyKeys idempotencyKeys;
    private final EntityManager em;
    private final NeedThemes themes;

    public AssessmentService(AccessPolicy access, AuditLog audit, InputValidation validation, IdempotencyKeys idempotencyKeys,
                             EntityManager em, NeedThemes themes) {
        this.access = access;
        this.audit = audit;
        this.validation = validation;
        this.idempotencyKeys = idempotencyKeys;
        this.em = em;
        this.themes = themes;
    }

    // --- guides and events -------------------------------------------------------------------------------

    public List<GuideView> guides(Audience audience) {
        access.mayFacilitate("guide.list");
        return guides(null, audience);
    }

    public Optional<GuideView> guide(UUID id) {
        access.mayFacilitate("guide.read");
        return guides(id, null).stream().findFirst();
    }

    private List<GuideView> guides(UUID id, Audience audience) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select g.id, g.title, g.audience, g.purpose, g.expected_minutes, g.before_instructions,
                               g.during_instructions, g.after_instructions, g.created_by_name
                        from discussion_guide g
                        where (cast(?1 as varchar) is null or g.id = cast(cast(?1 as varchar) as uuid))
                          and (cast(?2 as varchar) is null or g.audience = cast(?2 as varchar))
                        order by g.created_at, g.title""")
                .setParameter(1, id == null ? null : id.toString()).setParameter(2, audience == null ? null : audience.name())
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<QuestionView>> questions = questions(rows.stream().map(r -> (UUID) r[0]).toList());
        return rows.stream().map(r -> new GuideView(GlobalId.encode(AssessmentTypes.GUIDE, (UUID) r[0]), (String) r[1],
                Audience.valueOf((String) r[2]), (String) r[3], r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5],
                (String) r[6], (String) r[7], (String) r[8], questions.getOrDefault((UUID) r[0], List.of()))).toList();
    }

    private Map<UUID, List<QuestionView>> questions(Collection<UUID> guideIds) {
        Map<UUID, List<QuestionView>> byGuide = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select guide_id, id, position, text, probes from guide_question where guide_id = any(?1) order by guide_id, position""")
                .setParameter(1, guideIds.toArray(UUID[]::new)).getResultList();
        for (Object[] r : rows) {
            byGuide.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new QuestionView(GlobalId.encode(AssessmentTypes.QUESTION,
                    (UUID) r[1]), ((Number) r[2]).intValue(), (String) r[3], Arrays.asList((String[]) r[4])));
        }
        return byGuide;
    }

    @Transactional
    public GuideView createGuide(CreateGuideInput input) {
        Caller caller = access.mayFacilitate("guide.create");
        validation.check(input);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into discussion_guide (id, title, audience, purpose, expected_minutes, before_instructions,
                            during_instructions, after_instructions, created_by_subject, created_by_name, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, now())""")
                .setParameter(1, id).setParameter(2, input.title()).setParameter(3, input.audience().name())
                .setParameter(4, input.purpose()).setParameter(5, input.expectedMinutes()).setParameter(6, input.beforeInstructions())
                .setParameter(7, input.duringInstructions()).setParameter(8, input.afterInstructions())
                .setParameter(9, caller.subject()).setParameter(10, caller.username()).executeUpdate();
        for (int i = 0; i < input.questions().size(); i++) {
            QuestionInput q = input.questions().get(i);
            if (q == null) {
                throw ApiException.invalid("input.questions[" + i + "]", "A question is required");
            }
            List<String> probes = q.probes() == null ? List.of() : q.probes();
            if (probes.stream().anyMatch(p -> p == null || p.isBlank())) {
                throw ApiException.invalid("input.questions[" + i + "].probes", "A probe must not be blank");
            }
            em.createNativeQuery("insert into guide_question (id, guide_id, position, text, probes) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, id).setParameter(3, i + 1).setParameter(4, q.text())
                    .setParameter(5, probes.toArray(String[]::new)).executeUpdate();
        }
        audit.allowed(caller, AuditLog.Entry.of("guide.create", AssessmentTypes.GUIDE, id, null));
        return guides(id, null).get(0);
    }

    @Transactional
    public EventView createEvent(CreateEventInput input) {
        Caller caller = access.mayFacilitate("event.create");
        validation.check(input);
        if (input.endsOn().isBefore(input.startsOn())) {
            throw ApiException.invalid("input.endsOn", "The event ends before it starts");
        }
        requirePlausible(input.startsOn(), "input.startsOn");
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into assessment_event (id, name, location, starts_on, ends_on, created_by_subject)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, id).setParameter(2, input.name()).setParameter(3, input.location()).setParameter(4, input.startsOn())
                .setParameter(5, input.endsOn()).setParameter(6, caller.subject()).executeUpdate();
        audit.allowed(caller, AuditLog.Entry.of("event.create", AssessmentTypes.EVENT, id, null));
        return new EventView(GlobalId.encode(AssessmentTypes.EVENT, id), input.name(), input.location(), input.startsOn(), input.endsOn());
    }

    private static void requirePlausible(LocalDate date, String field) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (date.isBefore(today.minusYears(5)) || date.isAfter(today.plusYears(1))) {
            throw ApiException.invalid(field, "A date within the last five years or the coming year");
        }
    }

    // --- sessions ----------------------------------------------------------------------------------------

    /** The sessions the caller facilitates or takes notes for, latest first. */
    @Transactional
    public List<SessionView> mySessions() {
        Caller caller = access.mayFacilitate("session.list");
        List<SessionView> mine = new ArrayList<>();
        for (FocusGroupSession session : FocusGroupSession.<FocusGroupSession>list("facilitatorSubject = ?1 or noteTakerSubject = ?1"
                + " or (noteTakerSubject is null and noteTakerUsername = ?2) order by heldOn desc, startsAt desc", caller.subject(), caller.username())) {
            SessionPart part = access.partInSession(caller, session.facilitatorSubject, session.facilitatorAgency, session.noteTakerSubject,
                    session.noteTakerUsername);
            if (part != SessionPart.NONE) {
                bindOnFirstUse(caller, session, part, "session.list");
                mine.add(new SessionView(session));
            }
        }
        return mine;
    }

    @Transactional
    public Optional<SessionView> session(UUID id) {
        return Optional.of(new SessionView(visible("session.read", id)));
    }

    private FocusGroupSession visible(String action, UUID id) {
        FocusGroupSession session = id == null ? null : FocusGroupSession.findById(id);
        SessionPart part = access.mayWorkOnSession(action, id, session == null ? null : session.facilitatorSubject,
                session == null ? null : session.facilitatorAgency, session == null ? null : session.noteTakerSubject,
                session == null ? null : session.noteTakerUsername);
        bindOnFirstUse(access.caller(), session, part, action);
        return session;
    }

    /**
     * The note-taker was named by username; the first facilitator token of the session's agency carrying it is bound
     * as the note-taker ({@link AccessPolicy#partInSession}), and from then on only that subject is. Two first uses
     * at once: the first binding wins and the other caller is answered as a stranger.
     */
    private void bindOnFirstUse(Caller caller, FocusGroupSession session, SessionPart part, String action) {
        if (part != SessionPart.NOTE_TAKER || session.noteTakerSubject != null) {
            return;
        }
        int bound = em.createNativeQuery("update fg_session set note_taker_subject = ?1 where id = ?2 and note_taker_subject is null")
                .setParameter(1, caller.subject()).setParameter(2, session.id).executeUpdate();
        if (bound == 0) {
            access.requireBoundTo(action, SessionView.TYPE, session.id, (String) em.createNativeQuery(
                    "select note_taker_subject from fg_session where id = ?1").setParameter(1, session.id).getSingleResult(), "Session");
        }
        session.noteTakerSubject = caller.subject();
        if (bound == 1) {
            audit.allowed(caller, AuditLog.Entry.of("session.note-taker.bind", SessionView.TYPE, session.id, null));
        }
    }

    private GuideView existingGuide(UUID guideId) {
        return guides(guideId, null).stream().findFirst().orElseThrow(() -> ApiException.notFound("Discussion guide"));
    }

    private UUID existingEvent(String globalId) {
        UUID eventId = globalId == null ? null : GlobalId.decode(globalId, AssessmentTypes.EVENT, "input.eventId");
        if (eventId != null && ((Number) em.createNativeQuery("select count(*) from assessment_event where id = ?1")
                .setParameter(1, eventId).getSingleResult()).intValue() == 0) {
            throw ApiException.notFound("Event");
        }
        return eventId;
    }

    @Transactional
    public SessionView plan(PlanSessionInput input) {
        Caller caller = access.mayPlanSession();
        validation.check(input);
        UUID guideId = GlobalId.decode(input.guideId(), AssessmentTypes.GUIDE, "input.guideId");
        GuideView guide = existingGuide(guideId);
        UUID eventId = existingEvent(input.eventId());
        String state = input.state() == null ? caller.state() : input.state().strip();
        if (state == null || state.isEmpty()) {
            throw ApiException.invalid("input.state", "Say in which state the session is held");
        }
        if (input.noteTakerUsername().strip().equalsIgnoreCase(caller.username())) {
            throw ApiException.invalid("input.noteTakerUsername", "Two workers are present: the note-taker is another person "
                    + "than the facilitator");
        }
        requirePlausible(input.heldOn(), "input.heldOn");
        if (!input.endsAt().isAfter(input.startsAt())) {
            throw ApiException.invalid("input.endsAt", "The session ends after it starts");
        }
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(caller.subject(), "planFocusGroupSession", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            return session(earlier.get()).orElseThrow();
        }
        FocusGroupSession session = new FocusGroupSession();
        session.id = id;
        session.guideId = guideId;
        session.eventId = eventId;
        session.audience = guide.audience();
        session.format = input.format();
        session.state = state;
        session.heldOn = input.heldOn();
        session.startsAt = input.startsAt();
        session.endsAt = input.endsAt();
        session.location = input.location();
        session.facilitatorSubject = caller.subject();
        session.facilitatorAgency = caller.agencyCode();
        session.facilitatorUsername = caller.username();
        session.noteTakerUsername = input.noteTakerUsername().strip();
        session.composition = input.composition();
        session.status = SessionStatus.PLANNED;
        session.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        session.updatedAt = session.createdAt;
        session.persist();
        audit.allowed(caller, AuditLog.Entry.of("session.plan", SessionView.TYPE, id, null));
        return new SessionView(session);
    }

    /** Consent comes before anything else is recorded: the number and gender of those who agreed to proceed. */
    @Transactional
    public SessionView confirmConsent(ConfirmConsentInput input) {
        validation.check(input);
        FocusGroupSession session = forChange("session.consent", input.id(), input.version());
        if (session.status != SessionStatus.PLANNED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Consent was already confirmed for this session");
        }
        if (!input.allParticipantsAgreed()) {
            throw ApiException.invalid("input.allParticipantsAgreed", "Count only those who agreed to proceed, after hearing that "
                    + "participation is voluntary, that they may withdraw at any time and that services are not affected");
        }
        if (input.femaleCount() + input.maleCount() + input.otherGenderCount() != input.participantCount()) {
            throw ApiException.invalid("input.participantCount", "The gender breakdown must add up to the number of participants");
        }
        if (session.composition == Composition.FEMALE_ONLY && input.femaleCount() != input.participantCount()
                || session.composition == Composition.MALE_ONLY && input.maleCount() != input.participantCount()) {
            throw ApiException.invalid("input.participantCount", "The breakdown does not match the group's composition " + session.composition);
        }
        if (session.audience == Audience.YOUNG_PEOPLE) {
            if (input.assentCount() == null || input.assentCount() != input.participantCount()) {
                throw ApiException.invalid("input.assentCount", "Every young participant gives their own assent");
            }
            if (input.parentalConsentCount() == null || input.parentalConsentCount() > input.participantCount()) {
                throw ApiException.invalid("input.parentalConsentCount", "Record how many had a parent's or carer's consent");
            }
        }
        if (input.reportRequestedCount() != null && input.reportRequestedCount() > input.participantCount()) {
            throw ApiException.invalid("input.reportRequestedCount", "More report requests than participants");
        }
        session.participantCount = input.participantCount();
        session.femaleCount = input.femaleCount();
        session.maleCount = input.maleCount();
        session.otherGenderCount = input.otherGenderCount();
        session.assentCount = input.assentCount();
        session.parentalConsentCount = input.parentalConsentCount();
        session.reportRequestedCount = input.reportRequestedCount();
        session.consentConfirmedAt = OffsetDateTime.now(ZoneOffset.UTC);
        session.status = SessionStatus.CONSENTED;
        return changed(session, "session.consent");
    }

    @Transactional
    public SessionView signIn(SignInInput input) {
        validation.check(input);
        FocusGroupSession session = visible("session.signin", GlobalId.decode(input.sessionId(), SessionView.TYPE, "input.sessionId"));
        requireNotFinal(session);
        if (!session.audience.signsIn()) {
            throw ApiException.invalid("input.sessionId", "Caregivers and young people are counted only; no sign-in sheet");
        }
        em.createNativeQuery("""
                        insert into fg_sign_in (id, session_id, full_name, job_title, agency, city, state) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, session.id).setParameter(3, input.fullName())
                .setParameter(4, input.jobTitle()).setParameter(5, input.agency()).setParameter(6, input.city())
                .setParameter(7, input.state()).executeUpdate();
        audit.allowed(access.caller(), AuditLog.Entry.of("session.signin", SessionView.TYPE, session.id, null));
        return new SessionView(session);
    }

    @Transactional
    public SessionView recordNotes(RecordNotesInput input) {
        validation.check(input);
        FocusGroupSession session = forChange("session.notes", input.id(), input.version());
        if (session.status == SessionStatus.PLANNED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Confirm the participants' consent before recording anything");
        }
        List<UUID> questions = questions(List.of(session.guideId)).getOrDefault(session.guideId, List.of()).stream()
                .map(q -> GlobalId.decode(q.id(), AssessmentTypes.QUESTION, "id")).toList();
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
                    .setParameter(6, orEmpty(q.themes()).stream().map(AssessmentService::theme).distinct().toArray(String[]::new))
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
        return changed(session, "session.notes");
    }

    @Transactional
    public ConcernView reportConcern(ReportConcernInput input) {
        validation.check(input);
        UUID id = GlobalId.decode(input.id(), AssessmentTypes.CONCERN, "input.id");
        Object sessionId = em.createNativeQuery("select session_id from fg_safeguarding_concern where id = ?1").setParameter(1, id)
                .getResultStream().findFirst().orElse(null);
        FocusGroupSession session = visible("session.concern.report", (UUID) sessionId);
        requireNotFinal(session);
        if (input.reportedAt().isAfter(OffsetDateTime.now().plusMinutes(5)) || input.reportedAt().toLocalDate().isBefore(session.heldOn)) {
            throw ApiException.invalid("input.reportedAt", "Reported between the session and now");
        }
        em.createNativeQuery("update fg_safeguarding_concern set reported_at = ?2, reported_to = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, input.reportedAt()).setParameter(3, input.reportedTo()).executeUpdate();
        audit.allowed(access.caller(), AuditLog.Entry.of("session.concern.report", SessionView.TYPE, session.id, null));
        return notes(List.of(session.id)).get(session.id).safeguardingConcerns().stream()
                .filter(c -> c.id().equals(input.id())).findFirst().orElseThrow();
    }

    /**
     * The facilitator and the note-taker each agree the notes; only then is the session final and counted. Not while
     * a safeguarding concern raised in it is unreported.
     */
    @Transactional
    public SessionView agree(AgreeNotesInput input) {
        validation.check(input);
        FocusGroupSession session = forChange("session.agree", input.id(), input.version());
        Caller caller = access.caller();
        if (session.status != SessionStatus.CONSENTED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, session.status == SessionStatus.FINAL
                    ? "The session is final" : "Nothing can be agreed before consent is confirmed");
        }
        Number unreported = (Number) em.createNativeQuery(
                        "select count(*) from fg_safeguarding_concern where session_id = ?1 and reported_at is null")
                .setParameter(1, session.id).getSingleResult();
        if (unreported.intValue() > 0) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, unreported + " safeguarding concern(s) raised in this session "
                    + "must be marked reported (when, to whom) before the notes are agreed");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean facilitator = access.partInSession(caller, session.facilitatorSubject, session.facilitatorAgency,
                session.noteTakerSubject, session.noteTakerUsername) == SessionPart.FACILITATOR;
        if (facilitator ? session.facilitatorAgreedAt != null : session.noteTakerAgreedAt != null) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "You already agreed these notes; the "
                    + (facilitator ? "note-taker" : "facilitator") + " agrees them too");
        }
        if (facilitator) {
            session.facilitatorAgreedAt = now;
        } else {
            session.noteTakerAgreedAt = now;
        }
        if (session.facilitatorAgreedAt != null && session.noteTakerAgreedAt != null) {
            session.status = SessionStatus.FINAL;
            session.finalisedAt = now;
        }
        return changed(session, "session.agree");
    }

    private FocusGroupSession forChange(String action, String id, int version) {
        FocusGroupSession session = visible(action, GlobalId.decode(id, SessionView.TYPE, "input.id"));
        requireNotFinal(session);
        if (session.version != version) {
            throw ApiException.conflict("The session was changed since version " + version + "; reload it and retry");
        }
        return session;
    }

    private static void requireNotFinal(FocusGroupSession session) {
        if (session.status == SessionStatus.FINAL) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "The session is final: its notes were agreed by both workers");
        }
    }

    private SessionView changed(FocusGroupSession session, String action) {
        session.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.flush();
        audit.allowed(access.caller(), AuditLog.Entry.of(action, SessionView.TYPE, session.id, null));
        return new SessionView(session);
    }

    private static UUID question(String id, List<UUID> questions, String field) {
        UUID question = GlobalId.decode(id, AssessmentTypes.QUESTION, field);
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

    // --- what was said, in batches -------------------------------------------------------------------------

    public Map<UUID, List<SignInView>> signIns(Collection<UUID> sessionIds) {
        Map<UUID, List<SignInView>> bySession = new HashMap<>();
        rows("select session_id, full_name, job_title, agency, city, state from fg_sign_in where session_id = any(?1) order by full_name",
                sessionIds).forEach(r -> bySession.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                .add(new SignInView((String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5])));
        return bySession;
    }

    public Map<UUID, NotesView> notes(Collection<UUID> sessionIds) {
        Map<UUID, List<ResponseView>> responses = new HashMap<>();
        rows("""
                select r.session_id, r.question_id, q.position, r.summary from fg_response r join guide_question q on q.id = r.question_id
                where r.session_id = any(?1) order by q.position""", sessionIds)
                .forEach(r -> responses.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new ResponseView(
                        GlobalId.encode(AssessmentTypes.QUESTION, (UUID) r[1]), ((Number) r[2]).intValue(), (String) r[3])));
        Map<UUID, List<QuoteView>> quotes = new HashMap<>();
        rows("select session_id, question_id, speaker_type, text, themes from fg_quote where session_id = any(?1) order by id", sessionIds)
                .forEach(r -> quotes.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new QuoteView(
                        r[1] == null ? null : GlobalId.encode(AssessmentTypes.QUESTION, (UUID) r[1]), SpeakerType.valueOf((String) r[2]),
                        (String) r[3], Arrays.asList((String[]) r[4]))));
        Map<UUID, List<NeedView>> needs = new HashMap<>();
        rows("""
                select session_id, theme, professional_level, urgency, time_frame, description from fg_need where session_id = any(?1)
                order by theme""", sessionIds)
                .forEach(r -> needs.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new NeedView((String) r[1],
                        ProfessionalLevel.valueOf((String) r[2]), Urgency.valueOf((String) r[3]), (String) r[4], (String) r[5])));
        Map<UUID, List<FollowUpRequestView>> requests = new HashMap<>();
        rows("select session_id, theme, request from fg_follow_up_request where session_id = any(?1) order by theme", sessionIds)
                .forEach(r -> requests.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                        .add(new FollowUpRequestView((String) r[1], (String) r[2])));
        Map<UUID, List<ConcernView>> concerns = new HashMap<>();
        rows("""
                select session_id, id, description, raised_at, reported_at, reported_to from fg_safeguarding_concern
                where session_id = any(?1) order by raised_at, id""", sessionIds)
                .forEach(r -> concerns.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new ConcernView(
                        GlobalId.encode(AssessmentTypes.CONCERN, (UUID) r[1]), (String) r[2], time(r[3]), time(r[4]), (String) r[5])));
        Map<UUID, NotesView> bySession = new HashMap<>();
        sessionIds.forEach(id -> bySession.put(id, new NotesView(responses.getOrDefault(id, List.of()), quotes.getOrDefault(id, List.of()),
                needs.getOrDefault(id, List.of()), requests.getOrDefault(id, List.of()), concerns.getOrDefault(id, List.of()))));
        return bySession;
    }

    private List<Object[]> rows(String sql, Collection<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        return rows;
    }

    private static OffsetDateTime time(Object value) {
        return value == null ? null : value instanceof OffsetDateTime o ? o : value instanceof java.time.Instant i
                ? i.atOffset(ZoneOffset.UTC) : ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
