package org.asclepius.hms.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void delaysDoubleFromTheFirstAndStopAtTheMaximum() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(10), 6);
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.delayAfter(60)).isEqualTo(Duration.ofMinutes(10));
    }
}
