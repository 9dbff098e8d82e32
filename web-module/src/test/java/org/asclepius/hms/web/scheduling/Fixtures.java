package org.asclepius.hms.web.scheduling;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ResourceRef;
import org.asclepius.hms.scheduling.ServiceTypeRecord;
import org.asclepius.hms.scheduling.WeeklyPeriod;

/** Records as the scheduling services return them, for the screens' tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static ResourceRecord resource(long id, ResourceKind kind, String name, String department,
            boolean active) {
        return new ResourceRecord(id, 1, kind, name, department, null, 15, active, weekdays(8, 17));
    }

    public static List<WeeklyPeriod> weekdays(int from, int to) {
        List<WeeklyPeriod> hours = new ArrayList<>();
        for (DayOfWeek d : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            hours.add(new WeeklyPeriod(d, LocalTime.of(from, 0), LocalTime.of(to, 0)));
        }
        return hours;
    }

    public static ServiceTypeRecord service(String code, Set<ResourceKind> kinds, List<Long> resourceIds) {
        return new ServiceTypeRecord(code, 1, "Service " + code, 15, EnumSet.copyOf(kinds), 1, null, true,
                resourceIds);
    }

    public static AppointmentRecord appointment(long id, AppointmentStatus status, Instant start) {
        return new AppointmentRecord(id, 3, 70, "Okafor, Ada", "10000009", "CONS", "Consultation", start,
                start.plusSeconds(15 * 60), status,
                List.of(new ResourceRef(5, ResourceKind.PROVIDER, "Dr Silva", "Cardiology")), null, null, null, null,
                null, null, null);
    }

    @SuppressWarnings("unchecked")
    public static <T> T roundTrip(T object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
