package org.casebridge.agency;

/** What kind of organisation an agency is: the lead case-management agency or a partner on the referral pathway. */
public enum AgencyType {
    CASE_MANAGEMENT,
    HEALTH,
    POLICE,
    LEGAL_AID,
    SHELTER,
    PSYCHOSOCIAL,
    LIVELIHOODS,
    CHILD_PROTECTION,
    EDUCATION,
    OTHER
}
