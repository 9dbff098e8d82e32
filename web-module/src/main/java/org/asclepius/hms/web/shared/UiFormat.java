package org.asclepius.hms.web.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.asclepius.hms.shared.TimeFormat;

/** Small display helpers for the pages ({@code #{uiFormat.…}}); dates and times in the hospital's zone. */
@Named
@ApplicationScoped
public class UiFormat {
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** Today in the hospital's zone (the latest date of birth a form accepts). */
    public LocalDate getToday() {
        return LocalDate.now(TimeFormat.hospitalZone());
    }

    /** The years a date-of-birth picker offers: the last 130 up to this one. */
    public String getBirthYearRange() {
        int year = getToday().getYear();
        return (year - 130) + ":" + year;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TimeFormat.forUsers(instant);
    }

    /** The hospital's zone id (for components that convert times themselves, such as p:schedule). */
    public String getZoneId() {
        return zoneId(TimeFormat.hospitalZone());
    }

    /** A zone id the browser side knows too (moment-timezone has "UTC", not "Z"). */
    static String zoneId(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (normalized instanceof ZoneOffset offset && offset.getTotalSeconds() == 0) {
            return "UTC";
        }
        return zone.getId();
    }

    /** "09:30" in the hospital's zone: the time of an appointment on a page about one day. */
    public String clock(Instant instant) {
        return formatClock(instant);
    }

    public static String formatClock(Instant instant) {
        return instant == null ? "" : CLOCK.format(instant.atZone(TimeFormat.hospitalZone()));
    }

    /** "Tue 3 Jun 2025 09:30" in the hospital's zone: an appointment's time as clerks say it. */
    public String when(Instant instant) {
        return formatWhen(instant);
    }

    public static String formatWhen(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(TimeFormat.hospitalZone()));
    }

    /** "Tuesday 3 June 2025". */
    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** "checked-in": a status as a CSS class suffix ({@code hms-status-checked-in}). */
    public String key(Enum<?> value) {
        return cssKey(value);
    }

    public static String cssKey(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "45 y", or months / days for babies, as banners print it. */
    public String age(LocalDate birthDate) {
        return age(birthDate, getToday());
    }

    static String age(LocalDate birthDate, LocalDate today) {
        if (birthDate == null) {
            return "";
        }
        Period p = Period.between(birthDate, today);
        if (p.isNegative()) {
            return "";
        }
        if (p.getYears() >= 2) {
            return p.getYears() + " y";
        }
        if (p.toTotalMonths() >= 1) {
            return p.toTotalMonths() + " mo";
        }
        return p.getDays() + " d";
    }
}
