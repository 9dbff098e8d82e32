package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.observation.ClinicalRisk;
import org.asclepius.hms.observation.Consciousness;
import org.asclepius.hms.observation.Vitals;
import org.asclepius.hms.outpatient.StageChangeRecord;
import org.asclepius.hms.outpatient.VisitHistory;
import org.asclepius.hms.outpatient.VisitRecord;
import org.asclepius.hms.outpatient.VisitService;
import org.asclepius.hms.outpatient.VisitStage;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.patient.UnidentifiedPatientData;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.scheduling.BookingRequest;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsNurse;
import org.asclepius.hms.systemtest.callers.AsPhysician;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.clock.TestClock;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.SchedulingFixture;
import org.asclepius.hms.systemtest.support.SchedulingFixture.Clinic;
import org.asclepius.hms.systemtest.support.TestData;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outpatient and emergency flow in the container: check-in of today's appointment (the appointment is checked in
 * through scheduling), walk-in, triage with NEWS2, consultation, check-out and cancel with their stage history and
 * ADT events; wrong input and wrong order refused with clear messages; the emergency queue ordered by ESI; an
 * unknown patient registered on arrival.
 */
@ExtendWith(ArquillianExtension.class)
class VisitIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(VisitIT.class, TestClock.class, AdtEvents.class);
    }

    @EJB
    VisitService visits;
    @EJB
    PatientService patients;
    @EJB
    ScheduleService schedules;
    @EJB
    AppointmentService appointments;
    @EJB
    AsAdmin admin;
    @EJB
    AsReceptionist desk;
    @EJB
    AsNurse nurse;
    @EJB
    AsPhysician physician;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    private long patient(String prefix) throws Exception {
        PatientRecord p = desk.call(() -> patients.register(TestData.patient(TestData.uniqueFamilyName(prefix),
                "Lena", LocalDate.of(1980, 4, 2))));
        return p.id();
    }

    private static Vitals vitals(int rr, int spo2, boolean oxygen, int systolic, int pulse, Consciousness c,
            String temp) {
        return new Vitals(rr, spo2, false, oxygen, systolic, pulse, c, new BigDecimal(temp));
    }

    private static Vitals normal() {
        return vitals(16, 97, false, 120, 70, Consciousness.ALERT, "37.0");
    }

    /** What the action threw (the assertion on it fails when it threw nothing). */
    private static Throwable refusal(ThrowingCallable action) {
        return catchThrowable(action);
    }

    private static java.util.Map<String, String> fieldErrors(Throwable e) {
        assertThat(e).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) e).getFieldErrors();
    }

    @Test
    void checkIn_ofTodaysAppointment_checksItIn_andBeginsAnOutpatientVisit() throws Exception {
        Clinic clinic = admin.call(() -> SchedulingFixture.create(schedules, "Visit"));
        long p = patient("Chk");
        AppointmentRecord booked = desk.call(() -> appointments.book(BookingRequest.of(p, clinic.consultation(),
                SchedulingFixture.at(1, 10, 0), List.of(clinic.providerId()))));

        // tomorrow's appointment is not today's: refused, and nothing begins
        assertThat(refusal(() -> desk.call(() -> visits.checkIn(booked.id())))).isInstanceOf(DomainException.class)
                .hasMessageContaining("Only today's appointments");
        assertThat(Db.number(db, "select count(*) from encounter where patient_id = ?", p)).isZero();

        TestClock.advance(Duration.ofDays(1)); // the day of the appointment
        VisitRecord v = desk.call(() -> visits.checkIn(booked.id()));
        assertThat(v.stage()).isEqualTo(VisitStage.ARRIVED);
        assertThat(v.kind()).isEqualTo(EncounterKind.OUTPATIENT);
        assertThat(v.department()).isEqualTo(clinic.department());
        assertThat(v.appointmentId()).isEqualTo(booked.id());
        assertThat(v.appointmentStart()).isEqualTo(booked.start());
        assertThat(v.patient()).isEqualTo(p);
        assertThat(v.mrn()).isNotBlank();
        assertThat(desk.call(() -> appointments.get(booked.id())).status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThat(Db.column(db, "select status from encounter where id = ?", v.encounterId()))
                .containsExactly("IN_PROGRESS");
        assertThat(AdtEvents.of(v.encounterId())).containsExactly(AdtTrigger.A04);

        assertThat(refusal(() -> desk.call(() -> visits.checkIn(booked.id())))).isInstanceOf(DomainException.class)
                .hasMessageContaining("checked in already");
        // the same patient walking in to the same department while the visit is open
        assertThat(refusal(() -> desk.call(() -> visits.walkIn(p, clinic.department(), "headache"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("already has an open visit in "
                        + clinic.department());
        assertThat(desk.call(() -> visits.queue(clinic.department()))).extracting(VisitRecord::id)
                .containsExactly(v.id());
        // physicians do not check patients in (receptionists, nurses and the admin do)
        assertThat(refusal(() -> physician.call(() -> visits.walkIn(p, "Elsewhere", "x"))))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void walkIn_triage_consultation_checkOut_keepTheirStages_andWrongOrderIsRefused() throws Exception {
        long p = patient("Walk");
        String dept = "Walk-in clinic " + TestData.uniqueFamilyName("D");
        assertThat(fieldErrors(refusal(() -> desk.call(() -> visits.walkIn(p, " ", "")))))
                .containsOnlyKeys("department", "reason");
        VisitRecord v = desk.call(() -> visits.walkIn(p, dept, "cough for two weeks"));
        assertThat(v.stage()).isEqualTo(VisitStage.ARRIVED);
        assertThat(v.chiefComplaint()).isEqualTo("cough for two weeks");

        // checking out someone who has not been seen
        assertThat(refusal(() -> desk.call(() -> visits.checkOut(v.id(), v.version()))))
                .isInstanceOf(DomainException.class).hasMessageContaining("has not been seen yet");
        // implausible observations: one message per field, nothing stored
        Vitals implausible = vitals(16, 97, false, 120, 300, Consciousness.ALERT, "47.5");
        assertThat(fieldErrors(refusal(() -> nurse.call(() -> visits.triage(v.id(), v.version(), implausible,
                "cough", null))))).containsOnlyKeys("pulse", "temperature")
                .hasEntrySatisfying("pulse", m -> assertThat(m).contains("300").contains("20 to 250"))
                .hasEntrySatisfying("temperature", m -> assertThat(m).contains("47.5").contains("30 to 45"));
        assertThat(fieldErrors(refusal(() -> nurse.call(() -> visits.triage(v.id(), v.version(), normal(), "", 9)))))
                .containsOnlyKeys("chiefComplaint", "acuity");
        // a receptionist does not triage
        assertThat(refusal(() -> desk.call(() -> visits.triage(v.id(), v.version(), normal(), "cough", null))))
                .isInstanceOf(EJBAccessException.class);

        // RR 22 (2), SpO2 95 (1), on oxygen (2), systolic 120, pulse 95 (1), alert, 38.4 (1): NEWS2 7, high
        VisitRecord triaged = nurse.call(() -> visits.triage(v.id(), v.version(),
                vitals(22, 95, true, 120, 95, Consciousness.ALERT, "38.4"), "productive cough, fever", 3));
        assertThat(triaged.stage()).isEqualTo(VisitStage.WAITING);
        assertThat(triaged.news2()).isEqualTo(7);
        assertThat(triaged.risk()).isEqualTo(ClinicalRisk.HIGH);
        assertThat(triaged.acuity()).isEqualTo(3);
        assertThat(Db.column(db, "select news2_score || ' ' || news2_risk || ' ' || pulse || ' ' || temperature"
                + " from visit where id = ?", v.id())).containsExactly("7 HIGH 95 38.4");
        assertThat(refusal(() -> nurse.call(() -> visits.triage(v.id(), v.version(), normal(), "cough", null))))
                .isInstanceOf(ConcurrentUpdateException.class);

        VisitRecord called = physician.call(() -> visits.startConsultation(v.id(), triaged.version()));
        assertThat(called.stage()).isEqualTo(VisitStage.IN_CONSULTATION);
        assertThat(called.attending()).isEqualTo("test-physician");
        assertThat(refusal(() -> nurse.call(() -> visits.finish(v.id(), called.version()))))
                .isInstanceOf(EJBAccessException.class);
        VisitRecord seen = physician.call(() -> visits.finish(v.id(), called.version()));
        assertThat(seen.stage()).isEqualTo(VisitStage.SEEN);
        assertThat(refusal(() -> nurse.call(() -> visits.triage(v.id(), seen.version(), normal(), "cough", null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("cannot be triaged");
        VisitRecord out = desk.call(() -> visits.checkOut(v.id(), seen.version()));
        assertThat(out.stage()).isEqualTo(VisitStage.CHECKED_OUT);
        assertThat(Db.column(db, "select status from encounter where id = ? and ended_at is not null",
                v.encounterId())).containsExactly("FINISHED");
        assertThat(desk.call(() -> visits.queue(dept))).isEmpty();

        // wrong order after the end
        assertThat(refusal(() -> desk.call(() -> visits.checkOut(v.id(), out.version()))))
                .isInstanceOf(DomainException.class).hasMessageContaining("was checked out");
        assertThat(refusal(() -> nurse.call(() -> visits.triage(v.id(), out.version(), normal(), "cough", null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("checked out")
                .hasMessageContaining("cannot be triaged");
        assertThat(refusal(() -> desk.call(() -> visits.cancel(v.id(), out.version(), "wrong patient"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("cannot be cancelled");

        VisitHistory history = desk.call(() -> visits.history(v.id()));
        assertThat(history.changes()).extracting(StageChangeRecord::stage).containsExactly(VisitStage.ARRIVED,
                VisitStage.WAITING, VisitStage.IN_CONSULTATION, VisitStage.SEEN, VisitStage.CHECKED_OUT);
        assertThat(history.changes()).extracting(StageChangeRecord::by).containsExactly("test-receptionist",
                "test-nurse", "test-physician", "test-physician", "test-receptionist");
        assertThat(history.changes().get(1).note()).contains("NEWS2 7 (high)", "ESI 3");
        assertThat(history.arrivalToTriage()).hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ZERO));
        assertThat(history.arrivalToConsultation()).isPresent();
        assertThat(AdtEvents.of(v.encounterId())).containsExactly(AdtTrigger.A04, AdtTrigger.A08, AdtTrigger.A03);

        // the patient may come again once the visit is over
        assertThat(desk.call(() -> visits.walkIn(p, dept, "follow-up")).stage()).isEqualTo(VisitStage.ARRIVED);
    }

    @Test
    void cancel_needsAReason_endsTheEncounterAsCancelled_andSendsA11() throws Exception {
        long p = patient("Cnc");
        String dept = "Cancel clinic " + TestData.uniqueFamilyName("D");
        VisitRecord v = desk.call(() -> visits.walkIn(p, dept, "rash"));
        assertThat(fieldErrors(refusal(() -> desk.call(() -> visits.cancel(v.id(), v.version(), " ")))))
                .containsOnlyKeys("reason");
        VisitRecord cancelled = desk.call(() -> visits.cancel(v.id(), v.version(), "checked in the wrong patient"));
        assertThat(cancelled.stage()).isEqualTo(VisitStage.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("checked in the wrong patient");
        assertThat(Db.column(db, "select status from encounter where id = ?", v.encounterId()))
                .containsExactly("CANCELLED");
        assertThat(refusal(() -> desk.call(() -> visits.cancel(v.id(), cancelled.version(), "again"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("was cancelled");
        assertThat(AdtEvents.of(v.encounterId())).containsExactly(AdtTrigger.A04, AdtTrigger.A11);
    }

    @Test
    void emergencyQueue_isOrderedByEsi_thenArrival_andTriageComesBeforeTheConsultation() throws Exception {
        String ed = desk.call(() -> visits.emergencyDepartment());
        long a = patient("Eda");
        long b = patient("Edb");
        long c = patient("Edc");
        long d = patient("Edd");
        VisitRecord va = desk.call(() -> visits.emergencyArrival(a, "ankle injury"));
        TestClock.advance(Duration.ofMinutes(1));
        VisitRecord vb = desk.call(() -> visits.emergencyArrival(b, "chest pain"));
        TestClock.advance(Duration.ofMinutes(1));
        VisitRecord vc = desk.call(() -> visits.emergencyArrival(c, "abdominal pain"));
        TestClock.advance(Duration.ofMinutes(1));
        VisitRecord vd = desk.call(() -> visits.emergencyArrival(d, "fever"));
        assertThat(va.kind()).isEqualTo(EncounterKind.EMERGENCY);
        assertThat(va.department()).isEqualTo(ed);
        assertThat(refusal(() -> desk.call(() -> visits.emergencyArrival(a, "again"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("already has an open visit");

        // an emergency patient is triaged (with an acuity) before being called in
        assertThat(refusal(() -> physician.call(() -> visits.startConsultation(vb.id(), vb.version()))))
                .isInstanceOf(DomainException.class).hasMessageContaining("Triage");
        assertThat(fieldErrors(refusal(() -> nurse.call(() -> visits.triage(va.id(), va.version(), normal(),
                "ankle injury", null))))).containsOnlyKeys("acuity");

        nurse.call(() -> visits.triage(va.id(), va.version(), normal(), "ankle injury", 4));
        nurse.call(() -> visits.triage(vb.id(), vb.version(),
                vitals(24, 93, false, 98, 118, Consciousness.ALERT, "37.2"), "chest pain radiating to the arm", 2));
        nurse.call(() -> visits.triage(vc.id(), vc.version(), normal(), "abdominal pain", 4));
        // d is not triaged yet: its urgency is unknown, so it comes first
        List<Long> mine = List.of(va.id(), vb.id(), vc.id(), vd.id());
        List<VisitRecord> queue = desk.call(() -> visits.queue(ed));
        assertThat(queue.stream().map(VisitRecord::id).filter(mine::contains).toList())
                .containsExactly(vd.id(), vb.id(), va.id(), vc.id());
        VisitRecord inQueue = queue.stream().filter(q -> q.id() == vb.id()).findFirst().orElseThrow();
        assertThat(inQueue.news2()).isEqualTo(2 + 2 + 2 + 2); // RR 24, SpO2 93, systolic 98, pulse 118
        assertThat(inQueue.risk()).isEqualTo(ClinicalRisk.HIGH);
        assertThat(inQueue.sinceArrival()).isGreaterThanOrEqualTo(Duration.ofMinutes(2));

        // ESI 1 overtakes everyone triaged
        VisitRecord vdNow = desk.call(() -> visits.get(vd.id()));
        nurse.call(() -> visits.triage(vd.id(), vdNow.version(),
                vitals(30, 85, true, 80, 140, Consciousness.PAIN, "39.5"), "collapse", 1));
        assertThat(desk.call(() -> visits.queue(ed)).stream().map(VisitRecord::id).filter(mine::contains).toList())
                .containsExactly(vd.id(), vb.id(), va.id(), vc.id());
        assertThat(desk.call(() -> visits.get(vd.id())).news2()).isEqualTo(3 + 3 + 2 + 3 + 3 + 3 + 2);
        String stampBefore = desk.call(() -> visits.queueStamp(ed));
        VisitRecord vbNow = desk.call(() -> visits.get(vb.id()));
        physician.call(() -> visits.startConsultation(vb.id(), vbNow.version()));
        assertThat(desk.call(() -> visits.queueStamp(ed))).isNotEqualTo(stampBefore);

        for (long id : mine) { // leave the shared emergency queue as it was
            VisitRecord now = desk.call(() -> visits.get(id));
            desk.call(() -> visits.cancel(id, now.version(), "test visit"));
        }
    }

    @Test
    void anUnknownPatient_isRegisteredOnArrival_andGetsAnEmergencyVisit() throws Exception {
        UnidentifiedPatientData unknown = new UnidentifiedPatientData();
        unknown.setSex(Sex.MALE);
        assertThat(fieldErrors(refusal(() -> nurse.call(() -> visits.emergencyArrivalUnidentified(unknown,
                "found unconscious"))))).containsKey("estimatedAge");
        unknown.setEstimatedAge(40);
        assertThat(fieldErrors(refusal(() -> nurse.call(() -> visits.emergencyArrivalUnidentified(unknown, "")))))
                .containsOnlyKeys("complaint");
        VisitRecord v = nurse.call(() -> visits.emergencyArrivalUnidentified(unknown, "found unconscious"));
        assertThat(v.kind()).isEqualTo(EncounterKind.EMERGENCY);
        assertThat(v.unidentified()).isTrue();
        assertThat(v.sex()).isEqualTo(Sex.MALE);
        PatientRecord registered = nurse.call(() -> patients.get(v.patient()));
        assertThat(registered.unidentified()).isTrue();
        assertThat(registered.birthDateEstimated()).isTrue();
        assertThat(registered.mrn()).isEqualTo(v.mrn());
        String ed = nurse.call(() -> visits.emergencyDepartment());
        assertThat(nurse.call(() -> visits.queue(ed))).extracting(VisitRecord::id).contains(v.id());
        assertThat(AdtEvents.of(v.encounterId())).containsExactly(AdtTrigger.A04);
        nurse.call(() -> visits.cancel(v.id(), v.version(), "test visit"));
    }

    @Test
    void manyDesksCheckingOnePatientIntoOneDepartmentAtOnce_beginOneVisit() throws Exception {
        long p = patient("Race");
        String dept = "Race clinic " + TestData.uniqueFamilyName("D");
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        desk.call(() -> visits.walkIn(p, dept, "palpitations"));
                        return true;
                    } catch (DomainException refused) {
                        assertThat(refused).hasMessageContaining("already has an open visit");
                        return false;
                    }
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.number(db, "select count(*) from visit v join encounter e on e.id = v.encounter_id"
                + " where e.patient_id = ? and e.department = ?", p, dept)).isEqualTo(1);
    }
}
