package org.asclepius.hms.web.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.asclepius.hms.web.shared.UiFormat;
import org.junit.jupiter.api.Test;

class TimeOptionTest {

    @Test
    void busyTimes_joinTheFreeOnesInOrder_markedForOverbooking() {
        Instant nine = Instant.parse("2026-06-03T09:00:00Z");
        Instant quarterPast = Instant.parse("2026-06-03T09:15:00Z");
        Instant half = Instant.parse("2026-06-03T09:30:00Z");

        List<TimeOption> options = TimeOption.of(List.of(nine, half), List.of(quarterPast, half, quarterPast));

        assertThat(options).containsExactly(new TimeOption(nine, false), new TimeOption(quarterPast, true),
                new TimeOption(half, false));
        assertThat(options.get(0).getValue()).isEqualTo("2026-06-03T09:00:00Z");
        assertThat(options.get(0).getLabel()).isEqualTo(UiFormat.formatClock(nine));
        assertThat(options.get(1).getLabel()).isEqualTo(UiFormat.formatClock(quarterPast) + " (overbook)");
    }
}
