package org.casebridge.referral;

import org.casebridge.access.ReferralPolicy.ReferralSide;
import org.casebridge.access.Route;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.casebridge.access.ReferralPolicy.ReferralSide.RECEIVER;
import static org.casebridge.access.ReferralPolicy.ReferralSide.REFERRER;

/**
 * The referral lifecycle (training module step 4, DESIGN "Referral"): the referrer requests and may cancel
 * before completion; only the receiving agency answers and reports progress; the system expires a request
 * the receiving agency did not answer within its response deadline.
 */
public enum ReferralStatus {
    REQUESTED, ACCEPTED, REJECTED, IN_PROGRESS, COMPLETED, FAILED, ON_HOLD, CANCELLED, EXPIRED;

    private static final Map<ReferralStatus, Map<ReferralStatus, ReferralSide>> MOVES = new EnumMap<>(ReferralStatus.class);

    static {
        allow(REQUESTED, ACCEPTED, RECEIVER);
        allow(REQUESTED, REJECTED, RECEIVER);
        allow(ACCEPTED, IN_PROGRESS, RECEIVER);
        allow(ACCEPTED, ON_HOLD, RECEIVER);
        allow(IN_PROGRESS, ON_HOLD, RECEIVER);
        allow(IN_PROGRESS, COMPLETED, RECEIVER);
        allow(IN_PROGRESS, FAILED, RECEIVER);
        allow(ON_HOLD, IN_PROGRESS, RECEIVER);
        allow(ON_HOLD, FAILED, RECEIVER);
        for (ReferralStatus open : new ReferralStatus[]{REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD}) {
            allow(open, CANCELLED, REFERRER);
        }
    }

    private static void allow(ReferralStatus from, ReferralStatus to, ReferralSide side) {
        MOVES.computeIfAbsent(from, f -> new EnumMap<>(ReferralStatus.class)).put(to, side);
    }

    /** Who may move a referral from this status to {@code target}; empty when the move does not exist. */
    public Optional<ReferralSide> movedBy(ReferralStatus target) {
        return Optional.ofNullable(MOVES.getOrDefault(this, Map.of()).get(target));
    }

    /** The statuses {@code side} may move a referral in this status to, in the enum's order. */
    public List<ReferralStatus> movesBy(ReferralSide side) {
        return MOVES.getOrDefault(this, Map.of()).entrySet().stream().filter(move -> move.getValue() == side)
                .map(Map.Entry::getKey).toList();
    }

    /** Still waiting for an answer or a service: what a case closure must settle or carry over. */
    public boolean isOpen() {
        return !MOVES.getOrDefault(this, Map.of()).isEmpty();
    }

    /** How a referral in this status ends as a route to the receiving agency (DESIGN rule 2a). */
    public Route.Ending routeEnding() {
        return switch (this) {
            case REJECTED, CANCELLED, EXPIRED -> Route.Ending.ABANDONED;
            case COMPLETED, FAILED -> Route.Ending.CONCLUDED;
            default -> Route.Ending.NONE;
        };
    }

    /** Rejection and failure must say why. */
    public boolean needsReason() {
        return this == REJECTED || this == FAILED;
    }
}
