package org.casebridge.webhook;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** What a webhook event announces; {@link #wire()} is the payload's {@code type}. */
@Enum("WebhookEventType")
@Description("What a webhook event announces. The payload's `type` is the lower-case dotted form, e.g. `referral.status_changed`.")
public enum WebhookEventType {
    REFERRAL_REQUESTED("referral.requested"),
    REFERRAL_STATUS_CHANGED("referral.status_changed"),
    REFERRAL_EXPIRED("referral.expired"),
    CONFERENCE_CALLED("conference.called"),
    CONFERENCE_MINUTED("conference.minuted"),
    CONFERENCE_CHANGED("conference.changed"),
    INVITATION_WITHDRAWN("invitation.withdrawn"),
    ACTION_ITEM_ASSIGNED("action_item.assigned"),
    ACTION_ITEM_UPDATED("action_item.updated"),
    CONSENT_REVOKED("consent.revoked"),
    CONSENT_EXPIRED("consent.expired"),
    ROUTE_CLOSED("route.closed");

    private final String wire;

    WebhookEventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
