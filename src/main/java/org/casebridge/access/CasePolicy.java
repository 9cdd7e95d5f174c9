package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Survivor cases: who manages them, who works on one, who oversees the agency's work on cases, and who decides a
 * closure. Whether a caller is of the lead agency's staff (rule 1) is the core's ({@link AccessPolicy#isLeadStaff}).
 */
@ApplicationScoped
public class CasePolicy {

    private final CurrentCaller currentCaller;
    private final AccessPolicy access;
    private final Refusals refusals;

    public CasePolicy(CurrentCaller currentCaller, AccessPolicy access, Refusals refusals) {
        this.currentCaller = currentCaller;
        this.access = access;
        this.refusals = refusals;
    }

    /** Opening cases and listing one's agency's cases is for case management staff. */
    public Caller mayManageCases(String action) {
        Caller caller = currentCaller.get();
        if (!caller.hasAny(Role.CASEWORKER, Role.SUPERVISOR) || caller.agencyCode() == null) {
            throw refusals.refuse(caller, AuditLog.Entry.of(action, "Case", null, null),
                    Refusals.forbidden("Only caseworkers and supervisors manage cases"));
        }
        return caller;
    }

    /**
     * Work on one case (read it whole, change it, record consent, refer): lead-agency staff only. Anyone else
     * is answered as if the case did not exist (rule 3), and the attempt is audited.
     */
    public Caller mayWorkOnCase(String action, UUID caseId, String leadAgencyCode) {
        Caller caller = currentCaller.get();
        if (leadAgencyCode == null || !access.isLeadStaff(caller, leadAgencyCode)) {
            throw refusals.refuse(caller, AuditLog.Entry.of(action, "Case", caseId, caseId), Refusals.hidden("Case"));
        }
        return caller;
    }

    /** Lists of work on cases (overdue follow-ups): a supervisor oversees the agency's cases, a caseworker their own. */
    public boolean overseesAgencyCases(Caller caller) {
        return caller.has(Role.SUPERVISOR);
    }

    // --- closure -----------------------------------------------------------------------------------------

    /**
     * A closure is approved or rejected by a supervisor of the lead agency who did not request it (the case is
     * reviewed with a supervisor: module 14, step 6). Other agencies do not see the closure at all.
     */
    public Caller mayDecideClosure(String action, UUID closureId, UUID caseId, String leadAgencyCode, String requestedBySubject) {
        Caller caller = currentCaller.get();
        AuditLog.Entry entry = AuditLog.Entry.of(action, "CaseClosure", closureId, caseId);
        if (leadAgencyCode == null || !access.isLeadStaff(caller, leadAgencyCode)) {
            throw refusals.refuse(caller, entry, Refusals.hidden("Closure"));
        }
        if (!caller.has(Role.SUPERVISOR)) {
            throw refusals.refuse(caller, entry, Refusals.forbidden("Only a supervisor approves or rejects a closure"));
        }
        if (caller.subject().equals(requestedBySubject)) {
            throw refusals.refuse(caller, entry, Refusals.forbidden("A closure is decided by a supervisor other than the one who requested it"));
        }
        return caller;
    }
}
