package org.casebridge.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.SessionPolicy;
import org.casebridge.access.SessionPolicy.SessionPart;
import org.casebridge.assessment.AssessmentEnums.Audience;
import org.casebridge.assessment.AssessmentEnums.Composition;
import org.casebridge.assessment.AssessmentEnums.EthicsItem;
import org.casebridge.assessment.SessionTypes.EthicsPlanItemInput;
import org.casebridge.assessment.SessionTypes.EthicsPlanItemView;
import org.casebridge.assessment.SessionTypes.PrepareSessionInput;
import org.casebridge.assessment.SessionTypes.ReportBackInput;
import org.casebridge.assessment.SessionTypes.WithdrawalsInput;
import org.casebridge.assessment.AssessmentEnums.Format;
import org.casebridge.assessment.AssessmentEnums.SessionStatus;
import org.casebridge.assessment.SessionTypes.AgreeNotesInput;
import org.casebridge.assessment.SessionTypes.ConfirmConsentInput;
import org.casebridge.assessment.GuideTypes.GuideView;
import org.casebridge.assessment.SessionTypes.PlanSessionInput;
import org.casebridge.assessment.SessionTypes.SessionView;
import org.casebridge.assessment.SessionTypes.SessionPayload;
import org.casebridge.assessment.SessionTypes.SignInInput;
import org.casebridge.assessment.SessionTypes.SignInView;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;
import org.casebridge.runtime.Rows;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Focus-group sessions: planning, who takes part (facilitator, note-taker bound on first use), consent before anything
 * is recorded, the sign-in sheet, and agreement by both workers that makes a session final.
 */
@ApplicationScoped
public class SessionService {

    private final AccessPolicy access;
    private final SessionPolicy sessionPolicy;
    private final AuditLog audit;
    private final InputValidation validation;
    private final IdempotencyKeys idempotencyKeys;
    private final EntityManager em;
    private final Clock clock;
    private final GuideService guides;

    public SessionService(AccessPolicy access, SessionPolicy sessionPolicy, AuditLog audit, InputValidation validation, IdempotencyKeys idempotencyKeys, EntityManager em, Clock clock, GuideService guides) {
        this.access = access;
        this.sessionPolicy = sessionPolicy;
        this.audit = audit;
        this.validation = validation;
        this.idempotencyKeys = idempotencyKeys;
        this.em = em;
        this.clock = clock;
        this.guides = guides;
    }

    // --- sessions ----------------------------------------------------------------------------------------

    /** The sessions the caller facilitates or takes notes for, latest first. */
    @Transactional
    public List<SessionView> mySessions() {
        Caller caller = sessionPolicy.mayFacilitate("session.list");
        List<SessionView> mine = new ArrayList<>();
        for (FocusGroupSession session : FocusGroupSession.<FocusGroupSession>list("facilitatorSubject = ?1 or noteTakerSubject = ?1"
                + " or (noteTakerSubject is null and noteTakerUsername = ?2) order by heldOn desc, startsAt desc", caller.subject(), caller.username())) {
            SessionPart part = sessionPolicy.partInSession(caller, session.facilitatorSubject, session.facilitatorAgency, session.noteTakerSubject,
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

    FocusGroupSession visible(String action, UUID id) {
        FocusGroupSession session = id == null ? null : FocusGroupSession.findById(id);
        SessionPart part = sessionPolicy.mayWorkOnSession(action, id, session == null ? null : session.facilitatorSubject,
                session == null ? null : session.facilitatorAgency, session == null ? null : session.noteTakerSubject,
                session == null ? null : session.noteTakerUsername);
        bindOnFirstUse(access.caller(), session, part, action);
        return session;
    }

    /**
     * The note-taker was named by username; the first facilitator token of the session's agency carrying it is bound
     * as the note-taker ({@link SessionPolicy#partInSession}), and from then on only that subject is. Two first uses
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
        return guides.find(guideId, null).stream().findFirst().orElseThrow(() -> ApiException.notFound("Discussion guide"));
    }

    private UUID existingEvent(String globalId) {
        UUID eventId = globalId == null ? null : GlobalId.decode(globalId, GuideTypes.EVENT, "input.eventId");
        if (eventId != null && ((Number) em.createNativeQuery("select count(*) from assessment_event where id = ?1")
                .setParameter(1, eventId).getSingleResult()).intValue() == 0) {
            throw ApiException.notFound("Event");
        }
        return eventId;
    }

    @Transactional
    public SessionView plan(PlanSessionInput input) {
        Caller caller = sessionPolicy.mayPlanSession();
        validation.check(input);
        UUID guideId = GlobalId.decode(input.guideId(), GuideTypes.GUIDE, "input.guideId");
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
        guides.requirePlausible(input.heldOn(), "input.heldOn");
        if (!input.endsAt().isAfter(input.startsAt())) {
            throw ApiException.invalid("input.endsAt", "The session ends after it starts");
        }
        String cohort = cohortOf(guide, input.cohort());
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(caller.subject(), "planFocusGroupSession", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            return session(earlier.get()).orElseThrow();
        }
        FocusGroupSession session = new FocusGroupSession();
        session.id = id;
        session.guideId = guideId;
        session.guideVersion = guide.version();
        session.cohort = cohort;
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
        session.createdAt = OffsetDateTime.now(clock);
        session.updatedAt = session.createdAt;
        session.persist();
        audit.allowed(caller, AuditLog.Entry.of("session.plan", SessionView.TYPE, id, null));
        return new SessionView(session);
    }

    /** A group of a guide that has cohorts names one of them (the grantee protocol's three groups); others have none. */
    private static String cohortOf(GuideView guide, String cohort) {
        if (guide.cohorts().isEmpty()) {
            if (cohort != null) throw ApiException.invalid("input.cohort", "This guide has no cohorts");
            return null;
        }
        return guide.cohorts().stream().filter(c -> cohort != null && c.equalsIgnoreCase(cohort.strip())).findFirst()
                .orElseThrow(() -> ApiException.invalid("input.cohort", "One of the guide's cohorts: " + String.join("; ", guide.cohorts())));
    }

    /** The guide's group size is guidance: outside it, the answer says so and the session goes on. */
    private List<String> groupSizeWarnings(FocusGroupSession session) {
        if (session.format != Format.GROUP_DISCUSSION) return List.of();
        GuideService.Version version = new GuideService.Version(session.guideId, session.guideVersion);
        GuideView guide = guides.versions(List.of(version)).get(version);
        Integer min = guide.minParticipants();
        Integer max = guide.maxParticipants();
        if (min != null && session.participantCount < min || max != null && session.participantCount > max) {
            return List.of("The guide asks for " + (min == null ? "" : min) + (max == null ? "" : "–" + max) + " participants; this group has "
                    + session.participantCount + ". The notes can still be recorded; consider the group's size when reading them.");
        }
        return List.of();
    }

    /** Consent comes before anything else is recorded: the number and gender of those who agreed to proceed. */
    @Transactional
    public SessionPayload confirmConsent(ConfirmConsentInput input) {
        validation.check(input);
        FocusGroupSession session = forChange("session.consent", input.id(), input.version());
        if (session.status != SessionStatus.PLANNED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Consent was already confirmed for this session");
        }
        if (session.preparedAt == null) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Record the session's preparation first (prepareFocusGroupSession): the "
                    + "facilitator's suitability, the training, the ethics and support plan, the information sheet and consent form");
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
        session.consentConfirmedAt = OffsetDateTime.now(clock);
        session.status = SessionStatus.CONSENTED;
        return new SessionPayload(changed(session, "session.consent"), groupSizeWarnings(session));
    }

    /**
     * The preparation before consent is asked (seeds 000, 001, 003). Each part is recorded, or says why it does not
     * apply; for caregivers and young people every item of the ethics and support plan is answered. Everything is
     * checked before anything is written.
     */
    @Transactional
    public SessionView prepare(PrepareSessionInput input) {
        validation.check(input);
        FocusGroupSession session = forChange("session.prepare", input.id(), input.version());
        if (session.status != SessionStatus.PLANNED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "The session is prepared before consent is asked; consent was confirmed");
        }
        if (input.facilitatorSuitability().isBlank()) {
            throw ApiException.invalid("input.facilitatorSuitability", "Say which experience and expertise the facilitator has");
        }
        requireOneOf(input.training(), input.trainingNotApplicableReason(), "input.training",
                "Record the training the facilitator and note-taker attended, or why none applied (trainingNotApplicableReason)");
        if (input.training() != null && input.training().attendedOn().isAfter(session.heldOn)) {
            throw ApiException.invalid("input.training.attendedOn", "The training comes before the session");
        }
        if (input.training() != null) guides.requirePlausible(input.training().attendedOn(), "input.training.attendedOn");
        requireOneOf(input.informationSheet(), input.informationSheetNotApplicableReason(), "input.informationSheet",
                "Name the information sheet the session uses (title, version), or say why there is none");
        requireOneOf(input.consentForm(), input.consentFormNotApplicableReason(), "input.consentForm",
                "Name the consent form the session uses (title, version), or say why there is none (e.g. consent given orally)");
        List<EthicsPlanItemInput> plan = input.ethicsPlan() == null ? List.of() : input.ethicsPlan();
        java.util.EnumSet<EthicsItem> answered = java.util.EnumSet.noneOf(EthicsItem.class);
        for (int i = 0; i < plan.size(); i++) {
            EthicsPlanItemInput item = plan.get(i);
            if (item == null) throw ApiException.invalid("input.ethicsPlan[" + i + "]", "Required");
            if (!answered.add(item.item())) {
                throw ApiException.invalid("input.ethicsPlan[" + i + "].item", "Each item of the plan once");
            }
            requireOneOf(blankToNull(item.plan()), blankToNull(item.notApplicableReason()), "input.ethicsPlan[" + i + "].plan",
                    "Say how " + item.item() + " is handled, or why it does not apply (notApplicableReason)");
        }
        if (!session.audience.signsIn() && answered.size() < EthicsItem.values().length) {
            java.util.EnumSet<EthicsItem> missing = java.util.EnumSet.complementOf(answered);
            throw ApiException.invalid("input.ethicsPlan", "With " + session.audience.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " every item of the ethics and support plan is answered (how, or why not); missing: " + missing);
        }
        session.facilitatorSuitability = input.facilitatorSuitability().strip();
        session.trainingAttendedOn = input.training() == null ? null : input.training().attendedOn();
        session.trainingGivenBy = input.training() == null ? null : blankToNull(input.training().givenBy());
        session.trainingMinutes = input.training() == null ? null : input.training().minutes();
        session.trainingNotApplicableReason = blankToNull(input.trainingNotApplicableReason());
        session.informationSheetTitle = input.informationSheet() == null ? null : input.informationSheet().title().strip();
        session.informationSheetVersion = input.informationSheet() == null ? null : blankToNull(input.informationSheet().version());
        session.informationSheetNotApplicableReason = blankToNull(input.informationSheetNotApplicableReason());
        session.consentFormTitle = input.consentForm() == null ? null : input.consentForm().title().strip();
        session.consentFormVersion = input.consentForm() == null ? null : blankToNull(input.consentForm().version());
        session.consentFormNotApplicableReason = blankToNull(input.consentFormNotApplicableReason());
        session.preparedAt = OffsetDateTime.now(clock);
        em.createNativeQuery("delete from fg_ethics_plan_item where session_id = ?1").setParameter(1, session.id).executeUpdate();
        for (EthicsPlanItemInput item : plan) {
            em.createNativeQuery("insert into fg_ethics_plan_item (session_id, item, plan, not_applicable_reason) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, session.id).setParameter(2, item.item().name()).setParameter(3, blankToNull(item.plan()))
                    .setParameter(4, blankToNull(item.notApplicableReason())).executeUpdate();
        }
        return changed(session, "session.prepare");
    }

    /** "They can choose not to answer a question or withdraw at any time": how many did, as a running total. */
    @Transactional
    public SessionView recordWithdrawals(WithdrawalsInput input) {
        validation.check(input);
        FocusGroupSession session = forChange("session.withdrawals", input.id(), input.version());
        if (session.status != SessionStatus.CONSENTED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Withdrawals are recorded once consent is confirmed, before the session is final");
        }
        if (input.withdrawnCount() > session.participantCount) {
            throw ApiException.invalid("input.withdrawnCount", "More withdrawals than the " + session.participantCount + " who agreed to proceed");
        }
        session.withdrawnCount = input.withdrawnCount();
        return changed(session, "session.withdrawals");
    }

    /** "The report on the assessment could be shared with those interested": when it was sent, and to how many of them. */
    @Transactional
    public SessionView recordReportBack(ReportBackInput input) {
        validation.check(input);
        FocusGroupSession session = visible("session.report-back", GlobalId.decode(input.id(), SessionView.TYPE, "input.id"));
        ApiException.requireVersion("session", session.version, input.version());
        if (session.status == SessionStatus.PLANNED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Nobody has asked for the report before consent is confirmed");
        }
        int asked = session.reportRequestedCount == null ? 0 : session.reportRequestedCount;
        if (input.sentCount() > asked) {
            throw ApiException.invalid("input.sentCount", asked == 0 ? "Nobody in this session asked for the report"
                    : "Only " + asked + " asked for the report");
        }
        if (input.sentOn().isBefore(session.heldOn) || input.sentOn().isAfter(java.time.LocalDate.now(clock))) {
            throw ApiException.invalid("input.sentOn", "Sent between the session and today");
        }
        session.reportSentOn = input.sentOn();
        session.reportSentCount = input.sentCount();
        return changed(session, "session.report-back");
    }

    private static void requireOneOf(Object given, Object notApplicableReason, String field, String message) {
        if ((given == null) == (notApplicableReason == null || notApplicableReason instanceof String text && text.isBlank())) {
            throw ApiException.invalid(field, message);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private record EthicsRow(UUID sessionId, EthicsItem item, String plan, String notApplicableReason) {
    }

    public Map<UUID, List<EthicsPlanItemView>> ethicsPlans(Collection<UUID> sessionIds) {
        return Rows.group(Rows.read(em, EthicsRow.class, """
                        select session_id, item, plan, not_applicable_reason from fg_ethics_plan_item where session_id = any(?1)
                        order by session_id, item""", (Object) sessionIds.toArray(UUID[]::new)), EthicsRow::sessionId,
                r -> new EthicsPlanItemView(r.item(), r.plan(), r.notApplicableReason()));
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
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean facilitator = sessionPolicy.partInSession(caller, session.facilitatorSubject, session.facilitatorAgency,
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

    FocusGroupSession forChange(String action, String id, int version) {
        FocusGroupSession session = visible(action, GlobalId.decode(id, SessionView.TYPE, "input.id"));
        requireNotFinal(session);
        ApiException.requireVersion("session", session.version, version);
        return session;
    }

    static void requireNotFinal(FocusGroupSession session) {
        if (session.status == SessionStatus.FINAL) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "The session is final: its notes were agreed by both workers");
        }
    }

    SessionView changed(FocusGroupSession session, String action) {
        session.updatedAt = OffsetDateTime.now(clock);
        em.flush();
        audit.allowed(access.caller(), AuditLog.Entry.of(action, SessionView.TYPE, session.id, null));
        return new SessionView(session);
    }

    // --- the sign-in sheet, in batches ----------------------------------------------------------------------

    private record SignInRow(UUID sessionId, UUID id, String fullName, String jobTitle, String agency, String city, String state) {
    }

    public Map<UUID, List<SignInView>> signIns(Collection<UUID> sessionIds) {
        return Rows.group(Rows.read(em, SignInRow.class, """
                        select session_id, id, full_name, job_title, agency, city, state from fg_sign_in where session_id = any(?1)
                        order by full_name""", (Object) sessionIds.toArray(UUID[]::new)), SignInRow::sessionId,
                r -> new SignInView(GlobalId.encode(CreditedState.SIGN_IN, r.id()), r.fullName(), r.jobTitle(), r.agency(), r.city(), r.state()));
    }
}
