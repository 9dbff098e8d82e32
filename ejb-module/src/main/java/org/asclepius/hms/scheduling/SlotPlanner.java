package org.asclepius.hms.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Derives slots from weekly working hours and exceptions. Working hours are local times of the hospital's zone,
 * so a 09:00 clinic starts at 09:00 on both sides of a daylight-saving change (its UTC instant moves); a period
 * that spans the change (e.g. a night shift) gets exactly the real minutes it lasts that night.
 */
public final class SlotPlanner {
    private SlotPlanner() {
    }

    public static List<PlannedSlot> plan(List<WeeklyPeriod> hours, List<TimeRange> exceptions, ZoneId zone,
            int slotMinutes, LocalDate from, LocalDate toInclusive) {
        Duration length = Duration.ofMinutes(slotMinutes);
        List<PlannedSlot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(toInclusive); date = date.plusDays(1)) {
            for (WeeklyPeriod period : hours) {
                if (period.day() != date.getDayOfWeek()) {
                    continue;
                }
                Instant end = ZonedDateTime.of(date, period.end(), zone).toInstant();
                for (Instant start = ZonedDateTime.of(date, period.start(), zone).toInstant();
                        !start.plus(length).isAfter(end); start = start.plus(length)) {
                    Instant slotEnd = start.plus(length);
                    Instant s = start;
                    boolean blocked = exceptions.stream().anyMatch(e -> e.overlaps(s, slotEnd));
                    slots.add(new PlannedSlot(start, slotEnd, blocked));
                }
            }
        }
        slots.sort(Comparator.comparing(PlannedSlot::start));
        return slots;
    }
}
