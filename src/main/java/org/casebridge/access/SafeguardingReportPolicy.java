package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * A safeguarding concern raised in a focus group and reported to a lead agency (seed 000: "report concerns in
 * accordance with agency procedures") is a report: the caseworkers and supervisors of that agency read what the
 * facilitator recorded and may open a child-protection case from it. No survivor consent is asked for the report
 * itself; everyone else is answered as if it did not exist.
 */
@ApplicationScoped
public class SafeguardingReportPolicy {

    private static final String TYPE = "SafeguardingReport";

    private final CurrentCaller currentCaller;
    private final Refusals refusals;

    public SafeguardingReportPolicy(CurrentCaller currentCaller, Refusals refusals) {
        this.currentCaller = currentCaller;
        this.refusals = refusals;
    }

    /** The list of reports received: case management staff of an agency. */
    public Caller mayReadReportsReceived(String action) {
        Caller caller = currentCaller.get();
        if (!caller.hasAny(Role.CASEWORKER, Role.SUPERVISOR) || caller.agencyCode() == null) {
            throw refusals.refuse(caller, AuditLog.Entry.of(action, TYPE, null, null),
                    Refusals.forbidden("Safeguarding reports are read by the caseworkers and supervisors of the agency they were reported to"));
        }
        return caller;
    }

    /** One report, to open a case from it: staff of the lead agency it was reported to; anyone else NOT_FOUND. */
    public Caller mayOpenCaseFrom(String action, UUID reportId, String reportedToAgencyCode) {
        Caller caller = currentCaller.get();
        if (!caller.hasAny(Role.CASEWORKER, Role.SUPERVISOR) || reportedToAgencyCode == null || !caller.belongsTo(reportedToAgencyCode)) {
            throw refusals.refuse(caller, AuditLog.Entry.of(action, TYPE, reportId, null), Refusals.hidden("Safeguarding report"));
        }
        return caller;
    }
}
