package org.asclepius.bench.booking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.asclepius.bench.common.PooledIds;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.scheduling.PlannedSlot;
import org.asclepius.hms.scheduling.SlotPlanner;
import org.asclepius.hms.scheduling.WeeklyPeriod;
/**
 * The benchmark's own data, written over JDBC in one transaction: a department {@code Bench <run>} with one
 * provider working every day 08:00–18:00 (hospital zone) in 15-minute slots, a 15-minute service
 * {@code BENCH<run>} offered by it (one booking per slot), N patients {@code BENCH-<run>-<n>} and the provider's
 * slots for the next days, derived with the app's own {@link SlotPlanner} (OPEN, booked 0) as the app would derive
 * them. Ids come from the app's sequences by {@link PooledIds}.
 */
record Fixture(String runId, String department, String resourceName, String serviceCode, long resourceId,
        ZoneId zone, List<BenchSlot> slots, long[] patientIds) {

    static final String USER = "booking-bench";
    static final int SLOT_MINUTES = 15;
    static final LocalTime OPENS = LocalTime.of(8, 0);
    static final LocalTime CLOSES = LocalTime.of(18, 0);

    /** A slot of the fixture's provider. */
    record BenchSlot(long id, Instant start, Instant end) {
    }

    static Fixture create(Connection c, String runId, int patients, int days, ZoneId zone, long seed)
            throws SQLException {
        checkSchema(c);
        String department = "Bench " + runId;
        String resourceName = "Bench provider " + runId;
        String serviceCode = "BENCH" + runId;
        Instant now = Instant.now();
        OffsetDateTime stamp = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            PooledIds scheduleIds = new PooledIds(c, "schedule_seq");
            PooledIds patientIds = new PooledIds(c, "patient_seq");

            long resourceId = scheduleIds.next();
            try (PreparedStatement ps = c.prepareStatement("insert into schedulable_resource (id, kind, name,"
                    + " department, staff_username, slot_minutes, active, version, created_at, created_by, updated_at,"
                    + " updated_by) values (?, 'PROVIDER', ?, ?, null, ?, true, 0, ?, ?, ?, ?)")) {
                ps.setLong(1, resourceId);
                ps.setString(2, resourceName);
                ps.setString(3, department);
                ps.setInt(4, SLOT_MINUTES);
                ps.setObject(5, stamp);
                ps.setString(6, USER);
                ps.setObject(7, stamp);
                ps.setString(8, USER);
                ps.executeUpdate();
            }
            List<WeeklyPeriod> hours = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("insert into working_hours (id, resource_id, weekday,"
                    + " start_time, end_time) values (?, ?, ?, ?, ?)")) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    WeeklyPeriod period = new WeeklyPeriod(day, OPENS, CLOSES);
                    hours.add(period);
                    ps.setLong(1, scheduleIds.next());
                    ps.setLong(2, resourceId);
                    ps.setShort(3, (short) day.getValue());
                    ps.setObject(4, period.start());
                    ps.setObject(5, period.end());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into service_type (code, name, duration_minutes,"
                    + " required_kinds, max_per_slot, overbook_policy, active, version, created_at, created_by,"
                    + " updated_at, updated_by) values (?, ?, ?, 'PROVIDER', 1, null, true, 0, ?, ?, ?, ?)")) {
                ps.setString(1, serviceCode);
                ps.setString(2, "Bench booking " + runId);
                ps.setInt(3, SLOT_MINUTES);
                ps.setObject(4, stamp);
                ps.setString(5, USER);
                ps.setObject(6, stamp);
                ps.setString(7, USER);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into service_resource (service_code, resource_id) values (?, ?)")) {
                ps.setString(1, serviceCode);
                ps.setLong(2, resourceId);
                ps.executeUpdate();
            }

            // patients: no phone and no e-mail, so that the reminders of their bookings send nothing
            SplittableRandom random = new SplittableRandom(seed);
            long[] ids = new long[patients];
            try (PreparedStatement ps = c.prepareStatement("insert into patient (id, mrn, family_name, given_name,"
                    + " middle_name, name_key, sex, birth_date, version, created_at, created_by, updated_at, updated_by)"
                    + " values (?, ?, ?, ?, null, ?, ?, ?, 0, ?, ?, ?, ?)")) {
                for (int n = 1; n <= patients; n++) {
                    long id = patientIds.next();
                    ids[n - 1] = id;
                    String family = "Bench";
                    String given = "Patient " + runId + " " + n;
                    ps.setLong(1, id);
                    ps.setString(2, "BENCH-" + runId + "-" + n);
                    ps.setString(3, family);
                    ps.setString(4, given);
                    ps.setString(5, Patient.nameKey(given, null, family));
                    ps.setString(6, random.nextBoolean() ? "FEMALE" : "MALE");
                    ps.setObject(7, LocalDate.of(1940, 1, 1).plusDays(random.nextInt(70 * 365)));
                    ps.setObject(8, stamp);
                    ps.setString(9, USER);
                    ps.setObject(10, stamp);
                    ps.setString(11, USER);
                    ps.addBatch();
                }
                ps.executeBatch();
            }

            LocalDate today = LocalDate.ofInstant(now, zone);
            List<PlannedSlot> planned = SlotPlanner.plan(hours, List.of(), zone, SLOT_MINUTES, today,
                    today.plusDays(days - 1L));
            List<BenchSlot> slots = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("insert into slot (id, resource_id, starts_at, ends_at,"
                    + " status, booked, version) values (?, ?, ?, ?, 'OPEN', 0, 0)")) {
                for (PlannedSlot p : planned) {
                    BenchSlot s = new BenchSlot(scheduleIds.next(), p.start(), p.end());
                    slots.add(s);
                    ps.setLong(1, s.id());
                    ps.setLong(2, resourceId);
                    ps.setObject(3, OffsetDateTime.ofInstant(s.start(), ZoneOffset.UTC));
                    ps.setObject(4, OffsetDateTime.ofInstant(s.end(), ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            return new Fixture(runId, department, resourceName, serviceCode, resourceId, zone, List.copyOf(slots),
                    ids);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The app's Flyway must have created the scheduling tables (V9) on this database. */
    static void checkSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from information_schema.tables"
                     + " where table_schema = current_schema() and table_name in ('flyway_schema_history', 'patient',"
                     + " 'schedulable_resource', 'working_hours', 'service_type', 'service_resource', 'slot',"
                     + " 'appointment', 'appointment_slot')")) {
            rs.next();
            if (rs.getInt(1) < 9) {
                throw new IllegalStateException("no scheduling schema here: start the app on this database first"
                        + " (./hms start --db postgresql) so that its Flyway creates it (V9__scheduling)");
            }
        }
    }

    String describe() {
        return String.format("department '%s', provider '%s' (resource %d, every day %s-%s %s, %d-min slots),"
                        + " service %s (%d min, 1 per slot), %d patients BENCH-%s-1..%d, %d slots %s .. %s",
                department, resourceName, resourceId, OPENS, CLOSES, zone, SLOT_MINUTES, serviceCode, SLOT_MINUTES,
                patientIds.length, runId, patientIds.length, slots.size(),
                slots.isEmpty() ? "-" : slots.get(0).start(), slots.isEmpty() ? "-" : slots.get(slots.size() - 1).end());
    }
}
