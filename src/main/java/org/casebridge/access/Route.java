package org.casebridge.access;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Something addressed to an agency through which it reaches a survivor's case (DESIGN rule 2): a referral to it, or
 * its invitation to a conference (an action item assigned to it is reached through its invitation). What the agency
 * may see through a route is decided by {@link AccessPolicy#discloseRoutes}.
 *
 * @param objectId   the referral's or the invitation's id
 * @param decisionId the supervisor's sharing decision recorded for this very object, if any
 * @param ending     how the object behind the route ended, if it did
 * @param endedAt    when it ended (null while it has not)
 */
public record Route(Kind kind, UUID objectId, UUID caseId, String leadAgencyCode, String agencyCode, UUID decisionId,
                    Ending ending, OffsetDateTime endedAt) {

    public enum Kind {
        REFERRAL(ConsentPurpose.REFERRAL, "Referral"),
        INVITATION(ConsentPurpose.CASE_CONFERENCE, "ConferenceInvitation");

        private final ConsentPurpose purpose;
        private final String objectType;

        Kind(ConsentPurpose purpose, String objectType) {
            this.purpose = purpose;
            this.objectType = objectType;
        }

        /** The purpose a sharing decision for such a route is recorded for. */
        public ConsentPurpose purpose() {
            return purpose;
        }

        /** The consents that cover such a route: its own purpose, and COORDINATION, which covers both. */
        public Set<ConsentPurpose> consentPurposes() {
            return EnumSet.of(purpose, ConsentPurpose.COORDINATION);
        }

        String objectType() {
            return objectType;
        }
    }

    /** How a route's object ended: it has not, it was abandoned (rejected, cancelled, expired), or it concluded. */
    public enum Ending { NONE, ABANDONED, CONCLUDED }

    public static Route referral(UUID referralId, UUID caseId, String leadAgencyCode, String toAgencyCode, UUID decisionId,
                                 Ending ending, OffsetDateTime endedAt) {
        return new Route(Kind.REFERRAL, referralId, caseId, leadAgencyCode, toAgencyCode, decisionId, ending, endedAt);
    }

    public static Route invitation(UUID invitationId, UUID caseId, String leadAgencyCode, String agencyCode, UUID decisionId) {
        return new Route(Kind.INVITATION, invitationId, caseId, leadAgencyCode, agencyCode, decisionId, Ending.NONE, null);
    }

    /** An invitation to a conference that was cancelled: abandoned, like a cancelled referral, so no longer a route. */
    public static Route invitation(UUID invitationId, UUID caseId, String leadAgencyCode, String agencyCode, UUID decisionId,
                                   OffsetDateTime conferenceCancelledAt) {
        return conferenceCancelledAt == null ? invitation(invitationId, caseId, leadAgencyCode, agencyCode, decisionId)
                : new Route(Kind.INVITATION, invitationId, caseId, leadAgencyCode, agencyCode, decisionId, Ending.ABANDONED,
                        conferenceCancelledAt);
    }
}
