package org.asclepius.hms.scheduling;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** Working time on a weekday, e.g. Monday 08:00–12:00, in the hospital's local time. */
public record WeeklyPeriod(DayOfWeek day, LocalTime start, LocalTime end) implements Serializable {
    public boolean overlaps(WeeklyPeriod other) {
        return day == other.day && start.isBefore(other.end) && other.start.isBefore(end);
    }

    @Override
    public String toString() {
        return day + " " + start + "-" + end;
    }
}
