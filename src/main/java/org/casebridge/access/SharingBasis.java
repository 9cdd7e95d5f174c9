package org.casebridge.access;

import org.eclipse.microprofile.graphql.Description;

/** On what a case was shared with an agency: the survivor's consent, or a supervisor's decision without it. */
@Description("On what the case is shared with the receiving or invited agency.")
public enum SharingBasis {
    CONSENT, MANDATORY_REPORT, OVERRIDE;

    /** The basis of a share recorded with the given decision kind, or on consent when there is none. */
    public static SharingBasis of(SharingDecision.Kind decision) {
        return decision == null ? CONSENT : valueOf(decision.name());
    }
}
