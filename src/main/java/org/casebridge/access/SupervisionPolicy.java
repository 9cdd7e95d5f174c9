package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.casebridge.access.AccessPolicy.PersonMatch;

import java.util.UUID;

/**
 * Supervision: supervisors observe and manage the caseworkers of their own agency; a caseworker sees the observations
 * of themself. To anyone else caseworkers and observations do not exist.
 */
@ApplicationScoped
public class SupervisionPolicy {

    /** Whose observations a caller lists: the agency's (a supervisor), their own (a caseworker). */
    public enum ObservationScope { AGENCY, OWN }

    private final CurrentCaller currentCaller;
    private final Refusals refusals;

    public SupervisionPolicy(CurrentCaller currentCaller, Refusals refusals) {
        this.currentCaller = currentCaller;
        this.refusals = refusals;
    }

    /** Supervisors observe and manage the caseworkers of their own agency; to anyone else those do not exist. */
    public Caller mayManageSupervision(String action, String agencyCode, UUID targetId) {
        Caller caller = currentCaller.get();
        if (!caller.has(Role.SUPERVISOR) || agencyCode == null || !caller.belongsTo(agencyCode)) {
            throw refusals.refuse(caller, AuditLog.Entry.of(action, "Observation", targetId, null),
                    Refusals.hidden("Caseworker or observation"));
        }
        return caller;
    }

    /** The caller's own agency's supervision, for lists and registration. */
    public Caller mayManageOwnAgency(String action) {
        return mayManageSupervision(action, currentCaller.get().agencyCode(), null);
    }

    /** An observation is seen by the observed caseworker and by the supervisors of the agency; by nobody else. */
    public Caller mayViewObservation(String action, UUID observationId, String agencyCode, String caseworkerSubject,
                                     String caseworkerUsername) {
        Caller caller = currentCaller.get();
        boolean supervisor = caller.has(Role.SUPERVISOR) && caller.belongsTo(agencyCode);
        if (agencyCode == null || !(supervisor || matchCaseworker(caller, agencyCode, caseworkerSubject, caseworkerUsername) != PersonMatch.NONE)) {
            throw refusals.refuse(caller, AuditLog.Entry.of(action, "Observation", observationId, null), Refusals.hidden("Observation"));
        }
        return caller;
    }

    /** Only a supervisor of the agency edits or completes an observation; the observed caseworker only sees it. */
    public Caller mayEditObservation(String action, UUID observationId, String agencyCode, String caseworkerSubject,
                                     String caseworkerUsername) {
        Caller caller = mayViewObservation(action, observationId, agencyCode, caseworkerSubject, caseworkerUsername);
        if (!caller.has(Role.SUPERVISOR)) {
            throw refusals.refuse(caller, AuditLog.Entry.of(action, "Observation", observationId, null),
                    Refusals.forbidden("Only a supervisor edits or completes an observation"));
        }
        return caller;
    }

    /** Only the observed caseworker acknowledges the feedback on their own observation. */
    public Caller mayAcknowledgeObservation(UUID observationId, String agencyCode, String caseworkerSubject, String caseworkerUsername) {
        Caller caller = mayViewObservation("observation.acknowledge", observationId, agencyCode, caseworkerSubject, caseworkerUsername);
        if (matchCaseworker(caller, agencyCode, caseworkerSubject, caseworkerUsername) == PersonMatch.NONE) {
            throw refusals.refuse(caller, AuditLog.Entry.of("observation.acknowledge", "Observation", observationId, null),
                    Refusals.forbidden("Only the observed caseworker acknowledges the feedback"));
        }
        return caller;
    }

    /** Listing observations is for supervisors (their agency's) and caseworkers (their own). */
    public ObservationScope observationScope(String action) {
        Caller caller = currentCaller.get();
        if (caller.has(Role.SUPERVISOR) && caller.agencyCode() != null) {
            return ObservationScope.AGENCY;
        }
        if (caller.has(Role.CASEWORKER) && caller.agencyCode() != null) {
            return ObservationScope.OWN;
        }
        throw refusals.refuse(caller, AuditLog.Entry.of(action, "Observation", null, null),
                Refusals.forbidden("Observations are for caseworkers and their supervisors"));
    }

    /** Whether the caller is the caseworker a profile names ({@link AccessPolicy#matchPerson}, role caseworker). */
    public PersonMatch matchCaseworker(Caller caller, String agencyCode, String boundSubject, String username) {
        return AccessPolicy.matchPerson(caller, Role.CASEWORKER, agencyCode, boundSubject, username);
    }
}
