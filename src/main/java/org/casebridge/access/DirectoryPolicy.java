package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Who reads the agency and service directory (the referral pathway), and who changes an agency's part of it. */
@ApplicationScoped
public class DirectoryPolicy {

    private final CurrentCaller currentCaller;
    private final Refusals refusals;

    public DirectoryPolicy(CurrentCaller currentCaller, Refusals refusals) {
        this.currentCaller = currentCaller;
        this.refusals = refusals;
    }

    /** Every authenticated role may read the agency and service directory (the referral pathway). */
    public Caller mayReadDirectory() {
        return currentCaller.get();
    }

    /**
     * Only an agency's own administrators change its profile and service directory. A refusal is audited like any
     * refused mutation.
     */
    public Caller mayManageDirectoryOf(String action, UUID serviceId, String agencyCode) {
        Caller caller = currentCaller.get();
        AuditLog.Entry entry = AuditLog.Entry.of(action, "Service", serviceId, null);
        if (!caller.has(Role.AGENCY_ADMIN)) {
            throw refusals.refuse(caller, entry, Refusals.forbidden("Only agency administrators manage the service directory"));
        }
        if (!caller.belongsTo(agencyCode)) {
            throw refusals.refuse(caller, entry, Refusals.forbidden("Agency administrators manage only their own agency's services"));
        }
        return caller;
    }
}
