package org.asclepius.hms.systemtest.clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests that must let time pass (offer expiry, retry back-off): the real clock plus an
 * offset the test moves forward, and puts back afterwards. Deployed only with the tests that use it; it replaces
 * {@code ClockProducer}'s clock for the whole EAR while deployed.
 */
@Alternative
@Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class TestClock {
    private static volatile Duration offset = Duration.ZERO;

    @Produces
    @ApplicationScoped
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.offset(Clock.system(zone), offset);
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset);
            }
        };
    }

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves time forward to just after the given instant (never backwards). */
    public static void advancePast(Instant instant) {
        Duration gap = Duration.between(now(), instant).plusSeconds(1);
        if (!gap.isNegative()) {
            advance(gap);
        }
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    public static Instant now() {
        return Instant.now().plus(offset);
    }
}
