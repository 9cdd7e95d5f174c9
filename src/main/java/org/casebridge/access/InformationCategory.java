package org.casebridge.access;

import java.util.EnumSet;
import java.util.Set;

/** Everything about a survivor is in one of these categories; consent is given per category. */
public enum InformationCategory {
    IDENTITY,
    CASE_SUMMARY,
    SAFETY_PLAN,
    INCIDENT,
    HEALTH,
    CASE_PLAN,
    CONFERENCE;

    /** Categories whose every read is written to the audit log (DESIGN rule 6). */
    public static final Set<InformationCategory> AUDITED_ON_READ = EnumSet.of(IDENTITY, INCIDENT, HEALTH, SAFETY_PLAN);
}
