package org.casebridge.casefile;

/** The closed vocabularies of a case file. */
public final class CaseEnums {

    private CaseEnums() {
    }

    public enum CaseStatus { OPEN, CLOSURE_REQUESTED, CLOSED }

    public enum RiskLevel { LOW, MEDIUM, HIGH }

    public enum Sex { FEMALE, MALE, OTHER }

    public enum AgeBand { AGE_0_5, AGE_6_11, AGE_12_17, AGE_18_24, AGE_25_59, AGE_60_PLUS }
}
