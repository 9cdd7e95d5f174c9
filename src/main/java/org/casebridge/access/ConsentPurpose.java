package org.casebridge.access;

/** What a consent allows information to be shared for. {@code COORDINATION} covers referrals and conferences. */
public enum ConsentPurpose {
    REFERRAL,
    CASE_CONFERENCE,
    COORDINATION
}
