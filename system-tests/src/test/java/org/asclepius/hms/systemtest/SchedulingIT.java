package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.scheduling.AppointmentHistory;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.scheduling.BookingRequest;
import org.asclepius.hms.scheduling.ExceptionKind;
import org.asclepius.hms.scheduling.OverrideRequiredException;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ScheduleChange;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.SeriesResult;
import org.asclepius.hms.scheduling.SeriesScope;
import org.asclepius.hms.scheduling.ServiceTypeData;
import org.asclepius.hms.scheduling.SlotConflictException;
import org.asclepius.hms.scheduling.SlotRecord;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.clock.TestClock;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.SchedulingFixture;
import org.asclepius.hms.systemtest.support.SchedulingFixture.Clinic;
import org.asclepius.hms.systemtest.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scheduling rules through the services, as the front desk uses them: booking and its refusals, overbooking
 * policy, a patient booked twice at once, multi-resource services, leave over booked appointments, the life of
 * an appointment with its history, and recurring series. Time passes through the injectable clock.
 */
@ExtendWith(ArquillianExtension.class)
class SchedulingIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(SchedulingIT.class, TestClock.class);
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

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    private Clinic clinic() throws Exception {
        return admin.call(() -> SchedulingFixture.create(schedules, "Sched"));
    }

    private long patient(String given) throws Exception {
        PatientRecord p = desk.call(() -> patients.register(TestData.patient(TestData.uniqueFamilyName("Book"),
                given, LocalDate.of(1980, 5, 17))));
        return p.id();
    }

    private AppointmentRecord book(long patient, String service, Instant start, Long... resources) throws Exception {
        return desk.call(() -> appointments.book(BookingRequest.of(patient, service, start, List.of(resources))));
    }

    private SlotRecord slot(long resource, Instant start) throws Exception {
        return desk.call(() -> schedules.slots(resource, start, start.plusSeconds(1), null, 0, 5)).items().get(0);
    }

    private static String fieldError(Throwable e, String field) {
        assertThat(e).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) e).getFieldErrors().get(field);
    }

    @Test
    void slotsAreDerivedFromWorkingHours_andBadInputGetsFieldMessages() throws Exception {
        Clinic c = clinic();
        long p = patient("Ada");
        Instant nine = SchedulingFixture.at(2, 9, 0);
        // slots exist only inside the hours: 08:00-18:00 in 15 minutes = 40 a day
        Instant dayStart = SchedulingFixture.at(2, 0, 0);
        assertThat(desk.call(() -> schedules.slots(c.providerId(), dayStart, dayStart.plus(Duration.ofDays(1)),
                "free", 0, 100)).total()).isEqualTo(40);

        AppointmentRecord a = book(p, c.consultation(), nine, c.providerId());
        assertThat(a.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(a.end()).isEqualTo(nine.plus(Duration.ofMinutes(15)));
        assertThat(slot(c.providerId(), nine).availability()).isEqualTo("busy");

        assertThat(fieldError(catchFrom(() -> book(p, "NO-SUCH-SERVICE", nine, c.providerId())), "serviceCode"))
                .contains("not a service");
        assertThat(fieldError(catchFrom(() -> book(p, c.consultation(), SchedulingFixture.at(-1, 9, 0),
                c.providerId())), "start")).contains("in the past");
        assertThat(fieldError(catchFrom(() -> book(p, c.consultation(), SchedulingFixture.at(2, 19, 0),
                c.providerId())), "start")).contains("outside").contains("working hours");
        assertThat(fieldError(catchFrom(() -> book(p, c.consultation(), SchedulingFixture.at(2, 9, 5),
                c.providerId())), "start")).contains("choose a slot start");
        assertThat(fieldError(catchFrom(() -> book(p, c.consultation(), SchedulingFixture.at(2, 18, 0),
                c.providerId())), "start")).contains("outside");
        assertThat(fieldError(catchFrom(() -> book(p, c.mri(), SchedulingFixture.at(2, 17, 30),
                c.technicianId(), c.roomId())), "start")).contains("does not fit");
        BookingRequest endBeforeStart = BookingRequest.of(p, c.consultation(), SchedulingFixture.at(2, 10, 0),
                List.of(c.providerId()));
        endBeforeStart.setEnd(SchedulingFixture.at(2, 9, 45));
        assertThat(fieldError(catchFrom(() -> desk.call(() -> appointments.book(endBeforeStart))), "end"))
                .contains("after the start");
        assertThat(fieldError(catchFrom(() -> book(p, c.mri(), SchedulingFixture.at(2, 10, 0), c.technicianId())),
                "resourceIds")).contains("needs a room");
        assertThat(fieldError(catchFrom(() -> book(p, c.consultation(), SchedulingFixture.at(2, 10, 0),
                c.technicianId())), "resourceIds")).contains("does not offer");
        // none of the refusals left anything behind
        assertThat(desk.call(() -> appointments.forPatient(p))).hasSize(1);
    }

    @Test
    void aFullSlotIsRefused_overbookingNeedsThePolicyAndAReason() throws Exception {
        Clinic c = clinic();
        String overbookable = "OB" + System.nanoTime() % 1_000_000_000L;
        admin.call(() -> {
            ServiceTypeData d = ServiceTypeData.of(overbookable, "Walk-in vaccination", 15,
                    EnumSet.of(ResourceKind.PROVIDER), List.of(c.providerId()));
            d.setMaxPerSlot(2);
            d.setOverbookPolicy("vaccinations are quick; one extra per slot for walk-ins");
            return schedules.createService(d);
        });
        Instant ten = SchedulingFixture.at(2, 10, 0);
        book(patient("First"), c.consultation(), ten, c.providerId());
        long second = patient("Second");

        assertThatThrownBy(() -> book(second, c.consultation(), ten, c.providerId()))
                .isInstanceOf(SlotConflictException.class).hasMessageContaining("already booked");
        assertThatThrownBy(() -> book(second, overbookable, ten, c.providerId()))
                .isInstanceOfSatisfying(OverrideRequiredException.class,
                        e -> assertThat(e.getField()).isEqualTo(OverrideRequiredException.OVERBOOK))
                .hasMessageContaining("give a reason to overbook");
        AppointmentRecord overbooked = desk.call(() -> appointments.book(BookingRequest.of(second, overbookable, ten,
                List.of(c.providerId())).withOverbookReason("patient travels far, fits in")));
        assertThat(overbooked.overbookReason()).isEqualTo("patient travels far, fits in");
        long third = patient("Third");
        assertThatThrownBy(() -> desk.call(() -> appointments.book(BookingRequest.of(third, overbookable, ten,
                List.of(c.providerId())).withOverbookReason("also urgent"))))
                .isInstanceOf(SlotConflictException.class).hasMessageContaining("allows 2 per slot");
        assertThat(slot(c.providerId(), ten).booked()).isEqualTo(2);
    }

    @Test
    void aPatientBookedAtAnOverlappingTime_needsAnOverrideReason() throws Exception {
        Clinic c = clinic();
        long p = patient("Twice");
        book(p, c.consultation(), SchedulingFixture.at(3, 11, 0), c.providerId());

        assertThatThrownBy(() -> book(p, c.mri(), SchedulingFixture.at(3, 10, 30), c.technicianId(), c.roomId()))
                .isInstanceOfSatisfying(OverrideRequiredException.class,
                        e -> assertThat(e.getField()).isEqualTo(OverrideRequiredException.OVERLAP))
                .hasMessageContaining("already has");
        AppointmentRecord mri = desk.call(() -> appointments.book(BookingRequest.of(p, c.mri(),
                SchedulingFixture.at(3, 10, 30), List.of(c.technicianId(), c.roomId()))
                .withOverlapReason("consultation right after the scan, same floor")));
        assertThat(mri.overlapReason()).contains("same floor");
        // the MRI holds 45 minutes of both the room and the technician
        assertThat(mri.resources()).extracting(r -> r.id()).containsExactlyInAnyOrder(c.technicianId(), c.roomId());
        for (int minute : new int[] {30, 45, 60}) {
            Instant t = SchedulingFixture.at(3, 10, 0).plus(Duration.ofMinutes(minute));
            assertThat(slot(c.roomId(), t).booked()).isEqualTo(1);
            assertThat(slot(c.technicianId(), t).booked()).isEqualTo(1);
        }
        long other = patient("Other");
        assertThatThrownBy(() -> book(other, c.mri(), SchedulingFixture.at(3, 11, 0), c.technicianId(), c.roomId()))
                .isInstanceOf(SlotConflictException.class);
    }

    @Test
    void leaveOverBookedAppointments_listsThePatientsForRebooking() throws Exception {
        Clinic c = clinic();
        long p = patient("Leave");
        AppointmentRecord a = book(p, c.consultation(), SchedulingFixture.at(4, 14, 0), c.providerId());
        book(patient("Outside"), c.consultation(), SchedulingFixture.at(4, 9, 0), c.providerId());

        ScheduleChange change = desk.call(() -> schedules.addException(c.providerId(), ExceptionKind.LEAVE,
                SchedulingFixture.at(4, 13, 0), SchedulingFixture.at(4, 16, 0), "conference"));

        assertThat(change.affected()).extracting(AppointmentRecord::id).containsExactly(a.id());
        assertThat(desk.call(() -> appointments.needingRebooking())).extracting(AppointmentRecord::id)
                .contains(a.id());
        assertThat(slot(c.providerId(), SchedulingFixture.at(4, 14, 30)).availability())
                .isEqualTo("busy-unavailable");
        assertThat(fieldError(catchFrom(() -> book(patient("Late"), c.consultation(),
                SchedulingFixture.at(4, 14, 30), c.providerId())), "start")).contains("leave: conference");
        assertThat(fieldError(catchFrom(() -> desk.call(() -> schedules.addException(c.providerId(),
                ExceptionKind.BLOCKED, SchedulingFixture.at(5, 12, 0), SchedulingFixture.at(5, 11, 0), "x"))),
                "end")).contains("after the start");

        // moved to a free time, the patient is no longer affected
        desk.call(() -> appointments.reschedule(a.id(), a.version(), SchedulingFixture.at(4, 16, 30), null, null,
                null, SeriesScope.THIS));
        assertThat(desk.call(() -> appointments.needingRebooking())).extracting(AppointmentRecord::id)
                .doesNotContain(a.id());
    }

    @Test
    void cancelRescheduleCheckInAndNoShow_keepAStatusHistory() throws Exception {
        Clinic c = clinic();
        long p = patient("Life");
        Instant nine = SchedulingFixture.at(1, 9, 0);
        AppointmentRecord a = book(p, c.consultation(), nine, c.providerId());

        assertThat(fieldError(catchFrom(() -> desk.call(() -> appointments.cancel(a.id(), a.version(), " ",
                SeriesScope.THIS))), "reason")).isNotBlank();
        List<AppointmentRecord> moved = desk.call(() -> appointments.reschedule(a.id(), a.version(),
                SchedulingFixture.at(1, 9, 30), null, null, null, SeriesScope.THIS));
        assertThat(moved.get(0).start()).isEqualTo(SchedulingFixture.at(1, 9, 30));
        assertThat(slot(c.providerId(), nine).availability()).isEqualTo("free");
        assertThat(slot(c.providerId(), SchedulingFixture.at(1, 9, 30)).availability()).isEqualTo("busy");
        assertThatThrownBy(() -> desk.call(() -> appointments.reschedule(a.id(), a.version(),
                SchedulingFixture.at(1, 10, 0), null, null, null, SeriesScope.THIS)))
                .isInstanceOf(org.asclepius.hms.shared.ConcurrentUpdateException.class);
        assertThatThrownBy(() -> desk.call(() -> appointments.checkIn(a.id(), moved.get(0).version())))
                .isInstanceOf(DomainException.class).hasMessageContaining("Only today's");

        TestClock.advance(Duration.ofDays(1)); // it is now the day of the appointment
        AppointmentRecord in = desk.call(() -> appointments.checkIn(a.id(), moved.get(0).version()));
        assertThat(in.status()).isEqualTo(AppointmentStatus.CHECKED_IN);

        AppointmentRecord b = book(p, c.consultation(), SchedulingFixture.at(2, 15, 0), c.providerId());
        assertThatThrownBy(() -> desk.call(() -> appointments.markNoShow(b.id(), b.version())))
                .isInstanceOf(DomainException.class).hasMessageContaining("not started yet");
        TestClock.advancePast(b.start().plusSeconds(300)); // past its start
        assertThat(desk.call(() -> appointments.markNoShow(b.id(), b.version())).status())
                .isEqualTo(AppointmentStatus.NO_SHOW);
        TestClock.reset();

        AppointmentRecord d = book(p, c.consultation(), SchedulingFixture.at(5, 9, 0), c.providerId());
        desk.call(() -> appointments.cancel(d.id(), d.version(), "patient feels better", SeriesScope.THIS));
        assertThat(slot(c.providerId(), SchedulingFixture.at(5, 9, 0)).availability()).isEqualTo("free");
        assertThatThrownBy(() -> desk.call(() -> appointments.checkIn(d.id(), d.version() + 1)))
                .isInstanceOf(DomainException.class);

        AppointmentHistory history = desk.call(() -> appointments.history(a.id()));
        assertThat(history.changes()).extracting(ch -> ch.to()).containsExactly(AppointmentStatus.BOOKED,
                AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN);
        assertThat(history.changes().get(1).reason()).startsWith("moved from");
        assertThat(history.changes()).allMatch(ch -> ch.changedBy().equals("test-receptionist"));
        assertThat(desk.call(() -> appointments.history(d.id())).changes()).last()
                .satisfies(ch -> assertThat(ch.reason()).isEqualTo("patient feels better"));
    }

    @Test
    void aWeeklySeries_skipsHolidays_andMovesThisAndFollowing() throws Exception {
        Clinic c = clinic();
        long p = patient("Physio");
        Instant first = SchedulingFixture.at(2, 8, 0);
        // a holiday on the third week
        desk.call(() -> schedules.addException(c.providerId(), ExceptionKind.HOLIDAY,
                SchedulingFixture.at(16, 0, 0), SchedulingFixture.at(17, 0, 0), "public holiday"));

        SeriesResult series = desk.call(() -> appointments.bookSeries(BookingRequest.of(p, c.consultation(), first,
                List.of(c.providerId())), 1, 5, Set.of(5)));

        assertThat(series.appointments()).extracting(AppointmentRecord::occurrence).containsExactly(1, 2, 4);
        assertThat(series.skipped()).extracting(SeriesResult.Skipped::occurrence).containsExactly(3, 5);
        assertThat(series.skipped().get(0).reason()).contains("holiday");
        // every occurrence at 08:00 local, whatever daylight saving does in between
        assertThat(series.appointments()).allMatch(a -> a.start().atZone(
                org.asclepius.hms.shared.TimeFormat.hospitalZone()).toLocalTime().equals(java.time.LocalTime.of(8, 0)));

        AppointmentRecord second = series.appointments().get(1);
        List<AppointmentRecord> moved = desk.call(() -> appointments.reschedule(second.id(), second.version(),
                second.start().plus(Duration.ofHours(2)), null, null, null, SeriesScope.THIS_AND_FOLLOWING));
        assertThat(moved).extracting(AppointmentRecord::occurrence).containsExactly(2, 4);
        List<AppointmentRecord> all = desk.call(() -> appointments.forPatient(p));
        assertThat(all).extracting(a -> a.start().atZone(org.asclepius.hms.shared.TimeFormat.hospitalZone())
                .toLocalTime().getHour()).containsExactly(8, 10, 10);

        AppointmentRecord fourth = all.get(2);
        desk.call(() -> appointments.cancel(fourth.id(), fourth.version(), "away that week", SeriesScope.THIS));
        assertThat(desk.call(() -> appointments.forPatient(p))).extracting(AppointmentRecord::status)
                .containsExactly(AppointmentStatus.BOOKED, AppointmentStatus.BOOKED, AppointmentStatus.CANCELLED);
        AppointmentRecord firstOne = all.get(0);
        desk.call(() -> appointments.cancel(firstOne.id(), firstOne.version(), "stops therapy",
                SeriesScope.THIS_AND_FOLLOWING));
        assertThat(desk.call(() -> appointments.forPatient(p))).extracting(AppointmentRecord::status)
                .containsOnly(AppointmentStatus.CANCELLED);
        assertThat(Db.number(db, "select count(*) from appointment_slot h join appointment a on a.id = h.appointment_id"
                + " where a.patient_id = ?", p)).isZero();
    }

    private interface Action {
        Object run() throws Exception;
    }

    private static Throwable catchFrom(Action action) {
        try {
            action.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected a refusal");
    }
}
