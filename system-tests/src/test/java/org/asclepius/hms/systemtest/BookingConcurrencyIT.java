package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.BookingRequest;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.ServiceTypeData;
import org.asclepius.hms.scheduling.SlotConflictException;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.SchedulingFixture;
import org.asclepius.hms.systemtest.support.SchedulingFixture.Clinic;
import org.asclepius.hms.systemtest.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Never more bookings on a slot than the service's policy allows, with many bookings racing for it at once (each
 * its own transaction, as requests on the nodes of a cluster are), and the database itself refusing a second holder
 * of a slot's lane whatever the application does. Run on PostgreSQL by CI (and on H2 by default).
 */
@ExtendWith(ArquillianExtension.class)
class BookingConcurrencyIT {
    private static final int RACERS = 24;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(BookingConcurrencyIT.class);
    }

    @EJB
    ScheduleService schedules;
    @EJB
    AppointmentService appointments;
    @EJB
    PatientService patients;
    @EJB
    AsAdmin admin;
    @EJB
    AsReceptionist desk;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    private List<Long> patients(int n) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(desk.call(() -> patients.register(TestData.patient(TestData.uniqueFamilyName("Race"), "Runner",
                    LocalDate.of(1990, 1, 1)))).id());
        }
        return ids;
    }

    /** Everyone starts at once; returns how many bookings succeeded and checks every refusal is a conflict. */
    private int race(List<Long> racers, String service, Instant start, List<Long> resources, String overbookReason)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (long patient : racers) {
                Callable<Boolean> attempt = () -> {
                    go.await();
                    try {
                        desk.call(() -> appointments.book(BookingRequest.of(patient, service, start, resources)
                                .withOverbookReason(overbookReason)));
                        return true;
                    } catch (SlotConflictException refused) {
                        return false;
                    }
                };
                results.add(pool.submit(attempt));
            }
            go.countDown();
            int booked = 0;
            for (Future<Boolean> f : results) {
                if (f.get()) {
                    booked++;
                }
            }
            return booked;
        } finally {
            pool.shutdownNow();
        }
    }

    private long holds(long resource, Instant start) throws SQLException {
        return Db.number(db, "select count(*) from appointment_slot h join slot s on s.id = h.slot_id"
                + " where s.resource_id = ? and s.starts_at = ?", resource, utc(start));
    }

    private long bookedCounter(long resource, Instant start) throws SQLException {
        return Db.number(db, "select booked from slot where resource_id = ? and starts_at = ?", resource,
                utc(start));
    }

    private static java.time.OffsetDateTime utc(Instant t) {
        return t.atOffset(java.time.ZoneOffset.UTC);
    }

    @Test
    void manyBookingsRacingForOneSlot_exactlyOneWins() throws Exception {
        Clinic c = admin.call(() -> SchedulingFixture.create(schedules, "Race"));
        Instant start = SchedulingFixture.at(3, 9, 0);
        List<Long> racers = patients(RACERS);

        assertThat(race(racers, c.consultation(), start, List.of(c.providerId()), null)).isEqualTo(1);

        assertThat(holds(c.providerId(), start)).isEqualTo(1);
        assertThat(bookedCounter(c.providerId(), start)).isEqualTo(1);
        assertThat(Db.number(db, "select count(*) from appointment a join appointment_resource r"
                + " on r.appointment_id = a.id where r.resource_id = ? and a.starts_at = ?", c.providerId(),
                utc(start))).isEqualTo(1);
    }

    @Test
    void racingForAMultiResourceService_neverDoubleBooksTheRoomOrTheTechnician() throws Exception {
        Clinic c = admin.call(() -> SchedulingFixture.create(schedules, "RaceMri"));
        List<Long> racers = patients(RACERS);
        // half race for 10:00, half for 10:30: the two MRIs overlap, so only one of all of them can be booked
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            long patient = racers.get(i);
            Instant start = SchedulingFixture.at(3, 10, i % 2 == 0 ? 0 : 30);
            results.add(pool.submit(() -> {
                go.await();
                try {
                    desk.call(() -> appointments.book(BookingRequest.of(patient, c.mri(), start,
                            List.of(c.technicianId(), c.roomId()))));
                    return true;
                } catch (SlotConflictException refused) {
                    return false;
                }
            }));
        }
        go.countDown();
        long won = 0;
        for (Future<Boolean> f : results) {
            won += f.get() ? 1 : 0;
        }
        pool.shutdownNow();
        assertThat(won).isEqualTo(1);
        assertThat(Db.number(db, "select max(c) from (select count(*) c from appointment_slot h join slot s"
                + " on s.id = h.slot_id where s.resource_id in (?, ?) group by h.slot_id) x", c.roomId(),
                c.technicianId())).isEqualTo(1);
        assertThat(Db.number(db, "select count(*) from appointment_slot h join slot s on s.id = h.slot_id"
                + " where s.resource_id in (?, ?)", c.roomId(), c.technicianId())).isEqualTo(6);
    }

    @Test
    void anOverbookingPolicyOfThree_admitsExactlyThreeUnderContention() throws Exception {
        Clinic c = admin.call(() -> SchedulingFixture.create(schedules, "RaceOb"));
        String service = "RO" + System.nanoTime() % 1_000_000_000L;
        admin.call(() -> {
            ServiceTypeData d = ServiceTypeData.of(service, "Flu shot", 15, EnumSet.of(ResourceKind.PROVIDER),
                    List.of(c.providerId()));
            d.setMaxPerSlot(3);
            d.setOverbookPolicy("flu season: three per slot");
            return schedules.createService(d);
        });
        Instant start = SchedulingFixture.at(3, 11, 0);

        assertThat(race(patients(RACERS), service, start, List.of(c.providerId()), "flu season walk-in"))
                .isEqualTo(3);

        assertThat(holds(c.providerId(), start)).isEqualTo(3);
        assertThat(bookedCounter(c.providerId(), start)).isEqualTo(3);
        assertThat(Db.column(db, "select h.lane from appointment_slot h join slot s on s.id = h.slot_id"
                + " where s.resource_id = ? and s.starts_at = ? order by h.lane", c.providerId(),
                utc(start))).containsExactly("1", "2", "3");
    }

    @Test
    void theDatabaseRefusesASecondHolderOfALane_whateverTheApplicationDoes() throws Exception {
        Clinic c = admin.call(() -> SchedulingFixture.create(schedules, "Lane"));
        Instant start = SchedulingFixture.at(3, 12, 0);
        AppointmentRecord a = desk.call(() -> appointments.book(BookingRequest.of(patients(1).get(0),
                c.consultation(), start, List.of(c.providerId()))));
        long slot = Db.number(db, "select slot_id from appointment_slot where appointment_id = ?", a.id());
        AppointmentRecord other = desk.call(() -> appointments.book(BookingRequest.of(patients(1).get(0),
                c.consultation(), start.plusSeconds(3600), List.of(c.providerId()))));

        // a second appointment written straight into lane 1 of the same slot, bypassing every check in Java
        assertThatThrownBy(() -> Db.execute(db, "insert into appointment_slot (appointment_id, slot_id, lane)"
                + " values (" + other.id() + ", " + slot + ", 1)")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> Db.execute(db, "insert into appointment_slot (appointment_id, slot_id, lane)"
                + " values (" + other.id() + ", " + slot + ", 11)")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> Db.execute(db, "update slot set booked = -1 where id = " + slot))
                .isInstanceOf(SQLException.class);
        assertThat(holds(c.providerId(), start)).isEqualTo(1);
    }
}
