package org.casebridge.runtime;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one clock services read "now" and "today" from, in UTC, so every deadline and "overdue" is decided on the same
 * calendar and a test can move time by replacing this bean.
 */
@Singleton
public class UtcClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
