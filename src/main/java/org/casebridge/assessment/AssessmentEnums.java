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

    /** Seed 000: "indicating that a child may be at risk or is at risk from any kind of abuse". */
    @Name("SafeguardingRiskLevel")
    public enum ConcernRiskLevel { CHILD_IS_AT_RISK, CHILD_MAY_BE_AT_RISK, NOT_A_CHILD_PROTECTION_CONCERN }

    /**
     * The route a concern took: "report concerns in accordance with agency procedures" within the facilitator's agency,
     * to a lead agency (case management or child protection) that can open a case from it, or to an authority.
     */
    @Name("SafeguardingRoute")
    public enum ConcernRoute { AGENCY_PROCEDURES, LEAD_AGENCY, AUTHORITY }

    /** What an assessment event is part of (seed 001: a needs assessment; seed 003: an audit or a contextual assessment). */
    @Name("AssessmentPartOf")
    public enum PartOf { NEEDS_ASSESSMENT, CONTEXTUAL_SAFEGUARDING_AUDIT, CONTEXTUAL_ASSESSMENT }

    /**
     * The ethics and support plan of a session, in the seeds' words: "safeguarding and confidentiality", "dealing with
     * disclosures" (seed 000); topics "upsetting or triggering for some", "who you are bringing together, what you will
     * discuss and what the impact might be on them", people who "understand group dynamics" (seed 003); and the support
     * participants can turn to afterwards.
     */
    public enum EthicsItem { SAFEGUARDING, CONFIDENTIALITY, DEALING_WITH_DISCLOSURES, UPSETTING_OR_TRIGGERING_TOPICS,
        WHO_IS_BROUGHT_TOGETHER, IMPACT_ON_PARTICIPANTS, GROUP_DYNAMICS, SUPPORT_AFTERWARDS }

    /** Seed 001 Q3/Q4 probe: "Where can/do you go to find these types of services and resources?", in the protocol's names. */
    public enum SourceOfHelp { CENTER_FOR_STATES, CAPACITY_BUILDING_COLLABORATIVE, TECHNICAL_ASSISTANCE_PROVIDERS, PARTNERSHIPS, PEER_NETWORKS, OTHER }

    /** Seed 003: where young people feel safe or not (school, youth club, streets, online). */
    public enum PlaceOrContext { SCHOOL, YOUTH_CLUB, STREETS, ONLINE, OTHER }
}
