package org.asclepius.hms.integration;

import java.time.Duration;

/**
 * Exponential back-off: the n-th failed attempt waits {@code first × 2^(n-1)}, never more than {@code max}; after
 * {@code maxAttempts} failures the message is dead and waits for staff to retry it.
 */
public record RetryPolicy(Duration first, Duration max, int maxAttempts) {
    public Duration delayAfter(int failedAttempts) {
        long factor = 1L << Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = first.multipliedBy(factor);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
