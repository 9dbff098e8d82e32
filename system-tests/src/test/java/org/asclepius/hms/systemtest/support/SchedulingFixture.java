package org.asclepius.hms.systemtest.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.asclepius.hms.scheduling.ResourceData;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.ServiceTypeData;
import org.asclepius.hms.scheduling.WeeklyPeriod;
import org.asclepius.hms.shared.TimeFormat;

/**
 * A small clinic for scheduling tests, in a department of its own (unique per call, so tests never share
 * slots): a provider and an MRI technician working every day 08:00–18:00 in 15-minute slots, an MRI room with the
 * same hours, a 15-minute consultation (provider) and a 45-minute MRI (room + technician). Must be called with the
 * admin role (e.g. inside {@code admin.call(...)}).
 */
public final class SchedulingFixture {
    private static final AtomicInteger SEQ = new AtomicInteger();

    public record Clinic(String department, long providerId, long technicianId, long roomId, String consultation,
            String mri) {
    }

    private SchedulingFixture() {
    }

    public static Clinic create(ScheduleService schedules, String prefix) {
        String tag = prefix.toUpperCase().replaceAll("[^A-Z0-9]", "") + System.nanoTime() % 1_000_000_000L
                + SEQ.incrementAndGet();
        String department = "Dept " + tag;
        long provider = resource(schedules, ResourceKind.PROVIDER, "Dr " + tag, department);
        long technician = resource(schedules, ResourceKind.PROVIDER, "Tech " + tag, department);
        long room = resource(schedules, ResourceKind.ROOM, "MRI room " + tag, department);
        String consultation = "C" + tag;
        String mri = "M" + tag;
        schedules.createService(ServiceTypeData.of(consultation, "Consultation " + tag, 15,
                EnumSet.of(ResourceKind.PROVIDER), List.of(provider)));
        schedules.createService(ServiceTypeData.of(mri, "MRI " + tag, 45,
                EnumSet.of(ResourceKind.PROVIDER, ResourceKind.ROOM), List.of(technician, room)));
        return new Clinic(department, provider, technician, room, consultation, mri);
    }

    public static long resource(ScheduleService schedules, ResourceKind kind, String name, String department) {
        ResourceRecord r = schedules.createResource(ResourceData.of(kind, name, department, 15));
        schedules.setHours(r.id(), r.version(), everyDay(LocalTime.of(8, 0), LocalTime.of(18, 0)));
        return r.id();
    }

    public static List<WeeklyPeriod> everyDay(LocalTime start, LocalTime end) {
        List<WeeklyPeriod> hours = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.add(new WeeklyPeriod(d, start, end));
        }
        return hours;
    }

    /** The instant of a local time (hospital zone) some days from today. */
    public static Instant at(int daysAhead, int hour, int minute) {
        return LocalDate.now(TimeFormat.hospitalZone()).plusDays(daysAhead).atTime(hour, minute)
                .atZone(TimeFormat.hospitalZone()).toInstant();
    }
}
