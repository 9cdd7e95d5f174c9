package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Who administers a client feedback survey and enters its interview answers. */
@ApplicationScoped
public class FeedbackPolicy {

    private final CurrentCaller currentCaller;
    private final Refusals refusals;

    public FeedbackPolicy(CurrentCaller currentCaller, Refusals refusals) {
        this.currentCaller = currentCaller;
        this.refusals = refusals;
    }

    /** A survey is administered by a supervisor or another caseworker of the agency, never the case's own caseworker. */
    public Caller mayAdministerFeedback(UUID caseId, String caseworkerSubject) {
        Caller caller = currentCaller.get();
        if (caller.subject().equals(caseworkerSubject)) {
            throw refusals.refuse(caller, AuditLog.Entry.of("feedback.start", "Case", caseId, caseId),
                    Refusals.forbidden("The survivor's own caseworker does not administer her feedback survey; ask a "
                            + "supervisor or another caseworker"));
        }
        return caller;
    }

    /**
     * An interview's answers are entered by the person who administered it, while it is open. To anyone else, and for
     * an administration that is not an open interview ({@code administeredBySubject} null), it does not exist.
     */
    public Caller mayEnterInterview(String administrationType, UUID administrationId, String administeredBySubject) {
        Caller caller = currentCaller.get();
        if (administeredBySubject == null || !administeredBySubject.equals(caller.subject())) {
            throw refusals.refuse(caller, AuditLog.Entry.of("feedback.submit", administrationType, administrationId, null),
                    Refusals.hidden("Open feedback interview"));
        }
        return caller;
    }
}
