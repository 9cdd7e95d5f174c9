package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.casebridge.access.AccessPolicy.PersonMatch;

import java.util.UUID;

/**
 * The needs assessment's focus groups: who facilitates, plans a session and extends the theme list, and the part a
 * caller has in one session (its facilitator, its note-taker, or none).
 */
@ApplicationScoped
public class SessionPolicy {

    private final CurrentCaller currentCaller;
    private final Refusals refusals;

    public SessionPolicy(CurrentCaller currentCaller, Refusals refusals) {
        this.currentCaller = currentCaller;
        this.refusals = refusals;
    }

    /** Discussion guides and focus groups are the facilitators' work. */
    public Caller mayFacilitate(String action) {
        Caller caller = currentCaller.get();
        if (!caller.has(Role.FACILITATOR)) {
            throw refusals.refuse(caller, AuditLog.Entry.of(action, "FocusGroupSession", null, null),
                    Refusals.forbidden("Only facilitators run focus groups"));
        }
        return caller;
    }

    /**
     * Planning a session: a facilitator whose token carries an agency, because the note-taker they name is matched
     * within that agency ({@link #partInSession}).
     */
    public Caller mayPlanSession() {
        Caller caller = mayFacilitate("session.plan");
        if (caller.agencyCode() == null) {
            throw refusals.refuse(caller, AuditLog.Entry.of("session.plan", "FocusGroupSession", null, null),
                    Refusals.forbidden("A session is planned by a facilitator of an agency; your token carries none"));
        }
        return caller;
    }

    /**
     * The controlled theme list of the needs assessment is extended by the admins of lead agencies, whose facilitators
     * run the focus groups (README "Decisions"): a facilitator picks from it, so no one-off theme can single a session
     * out, and a partner agency's admin cannot add a key to every state's tables.
     */
    public Caller mayExtendThemeList(boolean callersAgencyLeadsCases) {
        Caller caller = currentCaller.get();
        if (!caller.has(Role.AGENCY_ADMIN) || caller.agencyCode() == null || !callersAgencyLeadsCases) {
            throw refusals.refuse(caller, AuditLog.Entry.of("theme.add", "NeedTheme", null, null),
                    Refusals.forbidden("The admins of lead agencies extend the theme list"));
        }
        return caller;
    }

    /** The part a caller has in a focus-group session. */
    public enum SessionPart { FACILITATOR, NOTE_TAKER, NONE }

    /**
     * The facilitator is the subject who planned the session. The note-taker is named by username; they are the
     * facilitator of the session's agency whose token first carries that username ({@link AccessPolicy#matchPerson}), and from
     * then on that subject only.
     */
    public SessionPart partInSession(Caller caller, String facilitatorSubject, String agencyCode, String noteTakerSubject,
                                     String noteTakerUsername) {
        if (!caller.has(Role.FACILITATOR) || facilitatorSubject == null) {
            return SessionPart.NONE;
        }
        if (facilitatorSubject.equals(caller.subject())) {
            return SessionPart.FACILITATOR;
        }
        return AccessPolicy.matchPerson(caller, Role.FACILITATOR, agencyCode, noteTakerSubject, noteTakerUsername) == PersonMatch.NONE
                ? SessionPart.NONE : SessionPart.NOTE_TAKER;
    }

    /** A session, with its notes and sign-in sheet, is seen by its facilitator and note-taker; by nobody else. */
    public SessionPart mayWorkOnSession(String action, UUID sessionId, String facilitatorSubject, String agencyCode,
                                        String noteTakerSubject, String noteTakerUsername) {
        Caller caller = currentCaller.get();
        SessionPart part = partInSession(caller, facilitatorSubject, agencyCode, noteTakerSubject, noteTakerUsername);
        if (part == SessionPart.NONE) {
            throw refusals.refuse(caller, AuditLog.Entry.of(action, "FocusGroupSession", sessionId, null), Refusals.hidden("Session"));
        }
        return part;
    }
}
