package org.casebridge.agency;

/** The fixed taxonomy of services on a referral pathway. */
public enum ServiceType {
    HEALTH,
    PSYCHOSOCIAL,
    LEGAL,
    SAFETY_SECURITY,
    SHELTER,
    LIVELIHOODS,
    EDUCATION,
    CHILD_PROTECTION,
    OTHER
}
