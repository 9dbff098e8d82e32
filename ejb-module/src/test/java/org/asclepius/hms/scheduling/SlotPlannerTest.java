package org.asclepius.hms.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotPlannerTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void slotsFollowLocalWorkingHours_onBothSidesOfTheSpringChange() {
        // 2026-03-29 is the Sunday Europe switches to summer time; clinic every day 09:00-10:00
        List<WeeklyPeriod> hours = List.of(DayOfWeek.values()).stream()
                .map(d -> new WeeklyPeriod(d, LocalTime.of(9, 0), LocalTime.of(10, 0))).toList();
        List<PlannedSlot> slots = SlotPlanner.plan(hours, List.of(), BERLIN, 15, LocalDate.of(2026, 3, 28),
                LocalDate.of(2026, 3, 30));

        assertThat(slots).hasSize(12);
        assertThat(slots).extracting(s -> s.start().atZone(BERLIN).toLocalTime())
                .containsOnly(LocalTime.of(9, 0), LocalTime.of(9, 15), LocalTime.of(9, 30), LocalTime.of(9, 45));
        // the same local 09:00 is 08:00 UTC before the change and 07:00 UTC after it
        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
        assertThat(slots.get(4).start()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(slots).allMatch(s -> Duration.between(s.start(), s.end()).equals(Duration.ofMinutes(15)));
    }

    @Test
    void aNightShiftAcrossTheAutumnChange_getsTheHourItReallyLasts() {
        // 2026-10-25 03:00 summer time becomes 02:00 winter time: 00:00-06:00 lasts 7 real hours that night
        List<WeeklyPeriod> hours = List.of(new WeeklyPeriod(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.of(6, 0)));
        List<PlannedSlot> slots = SlotPlanner.plan(hours, List.of(), BERLIN, 60, LocalDate.of(2026, 10, 25),
                LocalDate.of(2026, 10, 25));

        assertThat(slots).hasSize(7);
        assertThat(slots).extracting(PlannedSlot::start).doesNotHaveDuplicates().isSorted();
        assertThat(slots.get(6).end()).isEqualTo(ZonedDateTime.of(2026, 10, 25, 6, 0, 0, 0, BERLIN).toInstant());
    }

    @Test
    void slotsThatDoNotFitBeforeTheEndOfHours_areLeftOut_andExceptionsBlockWhatTheyOverlap() {
        List<WeeklyPeriod> hours = List.of(new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(9, 10)),
                new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(14, 0)));
        LocalDate monday = LocalDate.of(2026, 11, 30);
        Instant blockStart = ZonedDateTime.of(monday, LocalTime.of(8, 20), BERLIN).toInstant();
        Instant blockEnd = ZonedDateTime.of(monday, LocalTime.of(8, 45), BERLIN).toInstant();
        List<PlannedSlot> slots = SlotPlanner.plan(hours, List.of(new TimeRange(blockStart, blockEnd)), BERLIN, 30,
                monday, monday.plusDays(1));

        assertThat(slots).extracting(s -> s.start().atZone(BERLIN).toLocalTime())
                .containsExactly(LocalTime.of(8, 0), LocalTime.of(8, 30), LocalTime.of(13, 0), LocalTime.of(13, 30));
        assertThat(slots).extracting(PlannedSlot::blocked).containsExactly(true, true, false, false);
    }

    @Test
    void noHours_noSlots() {
        assertThat(SlotPlanner.plan(List.of(), List.of(), BERLIN, 15, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31))).isEmpty();
    }
}
