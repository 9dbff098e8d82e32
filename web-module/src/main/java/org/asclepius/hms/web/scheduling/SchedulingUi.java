package org.asclepius.hms.web.scheduling;

import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.scheduling.ExceptionKind;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ServiceTypeRecord;
import org.asclepius.hms.scheduling.WeeklyPeriod;
import org.asclepius.hms.shared.TimeFormat;
import org.asclepius.hms.web.shared.UiFormat;

/**
 * What the scheduling screens share: times in the hospital's zone (the services take instants, the calendar
 * components and the clerks think in local times), the style class of each status, resources grouped by
 * department for the selectors, and which action an appointment allows now (the services decide; the screens
 * only offer what would not be refused).
 */
public final class SchedulingUi {
    /** The part of a day a calendar shows when no working hours say otherwise. */
    static final LocalTime DAY_START = LocalTime.of(7, 0);
    static final LocalTime DAY_END = LocalTime.of(19, 0);

    private SchedulingUi() {
    }

    public static ZoneId zone() {
        return TimeFormat.hospitalZone();
    }

    public static LocalDate today() {
        return LocalDate.now(zone());
    }

    public static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone());
    }

    public static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).toInstant();
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    /** The start of the next day (a day's period is half-open). */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone()).toInstant();
    }

    /** The style class of an appointment in the calendars (colour by status; hms.css). */
    public static String statusClass(AppointmentStatus status) {
        return "hms-appt hms-appt-" + UiFormat.cssKey(status);
    }

    /** The style class of leave, a holiday or blocked time in the calendars. */
    public static String blockClass(ExceptionKind kind) {
        return "hms-block hms-block-" + UiFormat.cssKey(kind);
    }

    /** "Smith, Ann · Consultation": an appointment's title in a calendar. */
    public static String title(AppointmentRecord a) {
        return a.patientName() + " · " + a.serviceName();
    }

    /** Whether the appointment can be moved now (booked or offered, not yet started). */
    public static boolean movable(AppointmentRecord a, Instant now) {
        return (a.status() == AppointmentStatus.BOOKED || a.status() == AppointmentStatus.PROPOSED)
                && a.start().isAfter(now);
    }

    /** Only today's booked appointments can be checked in. */
    public static boolean canCheckIn(AppointmentRecord a, LocalDate today) {
        return a.status() == AppointmentStatus.BOOKED && LocalDate.ofInstant(a.start(), zone()).equals(today);
    }

    /** A booked appointment that has started can be marked as a no-show. */
    public static boolean canMarkNoShow(AppointmentRecord a, Instant now) {
        return a.status() == AppointmentStatus.BOOKED && !a.start().isAfter(now);
    }

    public static boolean canCancel(AppointmentRecord a) {
        return a.status() == AppointmentStatus.BOOKED;
    }

    /** The departments of the resources, sorted. */
    public static List<String> departments(Collection<ResourceRecord> resources) {
        return resources.stream().map(ResourceRecord::department).distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    /**
     * Select items of the resources that pass the filter, one group per department (departments and names
     * sorted); the item value is the resource id, the label its name and kind.
     */
    public static List<SelectItem> byDepartment(Collection<ResourceRecord> resources,
            Predicate<ResourceRecord> filter) {
        Map<String, List<ResourceRecord>> groups = resources.stream().filter(filter)
                .sorted(Comparator.comparing(ResourceRecord::department, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ResourceRecord::name, String.CASE_INSENSITIVE_ORDER))
                .collect(Collectors.groupingBy(ResourceRecord::department, LinkedHashMap::new, Collectors.toList()));
        List<SelectItem> items = new ArrayList<>();
        groups.forEach((department, list) -> {
            SelectItem[] options = list.stream()
                    .map(r -> new SelectItem(r.id(), optionLabel(r)))
                    .toArray(SelectItem[]::new);
            items.add(new SelectItemGroup(department, null, false, options));
        });
        return items;
    }

    static String optionLabel(ResourceRecord r) {
        return r.name() + " (" + r.kind().label().toLowerCase(Locale.ROOT) + (r.active() ? "" : ", not in use") + ")";
    }

    /** The active resources of a kind that offer the service, by department and name. */
    public static List<ResourceRecord> offering(Collection<ResourceRecord> resources, ServiceTypeRecord service,
            ResourceKind kind) {
        if (service == null) {
            return List.of();
        }
        return resources.stream()
                .filter(r -> r.active() && r.kind() == kind && service.resourceIds().contains(r.id()))
                .sorted(Comparator.comparing(ResourceRecord::department, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ResourceRecord::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** "Provider, room". */
    public static String kindsText(Set<ResourceKind> kinds) {
        String text = kinds.stream().sorted().map(k -> k.label().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "Mon 08:00–12:00, 13:00–17:00; Tue 08:00–12:00" (periods sorted), or "No working hours". */
    public static String hoursText(List<WeeklyPeriod> hours) {
        if (hours == null || hours.isEmpty()) {
            return "No working hours";
        }
        Map<DayOfWeek, List<WeeklyPeriod>> byDay = hours.stream()
                .sorted(Comparator.comparing(WeeklyPeriod::day).thenComparing(WeeklyPeriod::start))
                .collect(Collectors.groupingBy(WeeklyPeriod::day, LinkedHashMap::new, Collectors.toList()));
        List<String> days = new ArrayList<>();
        byDay.forEach((day, periods) -> days.add(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + periods.stream().map(p -> p.start() + "–" + p.end()).collect(Collectors.joining(", "))));
        return String.join("; ", days);
    }

    /**
     * The part of the day a calendar shows for these resources on a weekday (or any weekday when null): from the
     * earliest start to the latest end of their working hours, at least 07:00–19:00 around them, in whole hours.
     */
    public static LocalTime[] dayRange(Collection<ResourceRecord> resources, DayOfWeek day) {
        LocalTime start = DAY_START;
        LocalTime end = DAY_END;
        for (ResourceRecord r : resources) {
            for (WeeklyPeriod p : r.hours()) {
                if (day == null || p.day() == day) {
                    if (p.start().isBefore(start)) {
                        start = p.start();
                    }
                    if (p.end().isAfter(end)) {
                        end = p.end();
                    }
                }
            }
        }
        start = start.withMinute(0);
        if (end.getMinute() > 0 && end.getHour() < 23) {
            end = end.withMinute(0).plusHours(1);
        }
        return new LocalTime[] {start, end};
    }
}
