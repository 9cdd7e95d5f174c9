package org.casebridge.assessment;

import org.eclipse.microprofile.graphql.Name;

/** The closed vocabularies of focus groups (seeds 000, 001, 003). */
public final class AssessmentEnums {

    private AssessmentEnums() {
    }

    public enum Audience { CAREGIVERS, YOUNG_PEOPLE, PRACTITIONERS, STATE_OFFICIALS;

        /** Caregivers and young people are counted only; professionals sign in (grantee protocol). */
        public boolean signsIn() {
            return this == PRACTITIONERS || this == STATE_OFFICIALS;
        }
    }

    @Name("SessionFormat")
    public enum Format { GROUP_DISCUSSION, INDIVIDUAL_INTERVIEWS }

    @Name("GroupComposition")
    public enum Composition { FEMALE_ONLY, MALE_ONLY, MIXED }

    @Name("SessionStatus")
    public enum SessionStatus { PLANNED, CONSENTED, FINAL }

    public enum SpeakerType { CAREGIVER, YOUNG_PERSON, PRACTITIONER, STATE_OFFICIAL }

    public enum ProfessionalLevel { MANAGER, SUPERVISOR, CASEWORKER }

    @Name("NeedUrgency")
    public enum Urgency { IMMEDIATE, HIGH, MEDIUM, LOW }
}
