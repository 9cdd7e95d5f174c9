package org.casebridge.referral;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Expires referral requests the receiving agency did not answer within its response deadline. */
@ApplicationScoped
public class ReferralExpiry {

    private static final Logger LOG = Logger.getLogger(ReferralExpiry.class);

    private final ReferralService referrals;
    private final Clock clock;

    public ReferralExpiry(ReferralService referrals, Clock clock) {
        this.clock = clock;
        this.referrals = referrals;
    }

    @Scheduled(every = "${casebridge.referral-expiry.every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOverdue() {
        int expired = referrals.expireOverdue(OffsetDateTime.now(clock)).size();
        if (expired > 0) {
            LOG.infof("Expired %d unanswered referral(s)", expired);
        }
    }
}
