package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Aggregates: state leads read the disclosure-controlled tables of their own state, and an agency's supervisors its
 * feedback results; nobody reads anything record-level here. These refusals are not written to the audit log.
 */
@ApplicationScoped
public class InsightPolicy {

    private final CurrentCaller currentCaller;

    public InsightPolicy(CurrentCaller currentCaller) {
        this.currentCaller = currentCaller;
    }

    /** State leads read disclosure-controlled aggregates of their own state, and nothing record-level. */
    public Caller mayReadAggregatesOf(String state) {
        Caller caller = currentCaller.get();
        if (!caller.has(Role.STATE_LEAD)) {
            throw Refusals.forbidden("Aggregates are for state leads");
        }
        if (caller.state() == null || !caller.state().equals(state)) {
            throw Refusals.forbidden("State leads read the figures of their own state only");
        }
        return caller;
    }

    /** Feedback results are read by the agency's supervisors, as aggregates only. */
    public Caller mayReadFeedbackResults() {
        Caller caller = currentCaller.get();
        if (!caller.has(Role.SUPERVISOR) || caller.agencyCode() == null) {
            throw Refusals.forbidden("Feedback results are for the agency's supervisors");
        }
        return caller;
    }
}
