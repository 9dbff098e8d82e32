package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.asclepius.hms.systemtest.support.Refusals.fieldError;
import static org.asclepius.hms.systemtest.support.Refusals.refusal;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.asclepius.hms.inpatient.AdmissionEventKind;
import org.asclepius.hms.inpatient.AdmissionHistory;
import org.asclepius.hms.inpatient.AdmissionPriority;
import org.asclepius.hms.inpatient.AdmissionRecord;
import org.asclepius.hms.inpatient.AdmissionRequestData;
import org.asclepius.hms.inpatient.AdmissionRequestRecord;
import org.asclepius.hms.inpatient.AdmissionRequestService;
import org.asclepius.hms.inpatient.AdmissionStatus;
import org.asclepius.hms.inpatient.AdmissionService;
import org.asclepius.hms.inpatient.AdmissionSource;
import org.asclepius.hms.inpatient.BedKind;
import org.asclepius.hms.inpatient.BedRecord;
import org.asclepius.hms.inpatient.BedService;
import org.asclepius.hms.inpatient.BedStatus;
import org.asclepius.hms.inpatient.WardData;
import org.asclepius.hms.inpatient.WristbandService;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PatientMergeService;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsNurse;
import org.asclepius.hms.systemtest.callers.AsPhysician;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.callers.AsRecordsOfficer;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Admission, transfer and discharge: a bed never holds two patients and a patient never holds two beds — also
 * with many admissions racing at once (PostgreSQL in CI), and in the database itself; a vacated bed waits for
 * housekeeping; ward rules; a patient with an open admission is not merged. Admission requests the bed manager
 * fulfils (also racing for one bed), pre-admissions with a planned encounter and a reserved bed, leave of absence,
 * cancellation of an admission, a transfer or a discharge, the admission's history and the wristband.
 */
@ExtendWith(ArquillianExtension.class)
class AdmissionIT {
    private static final int RACERS = 16;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(AdmissionIT.class);
    }

    @EJB
    BedService beds;
    @EJB
    AdmissionService admissions;
    @EJB
    PatientService patients;
    @EJB
    PatientMergeService merges;
    @EJB
    AsAdmin admin;
    @EJB
    AsPhysician physician;
    @EJB
    AsReceptionist desk;
    @EJB
    AsNurse bedManager;
    @EJB
    AdmissionRequestService requests;
    @EJB
    WristbandService wristbands;
    @EJB
    AsRecordsOfficer records;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    private long ward(WardData data) throws Exception {
        return admin.call(() -> beds.createWard(data));
    }

    private long ward() throws Exception {
        String code = "W" + System.nanoTime() % 1_000_000_000L;
        return ward(WardData.of(code, "Medical ward " + code, "Internal medicine"));
    }

    private List<Long> bedsIn(long ward, int n) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int label = i;
            ids.add(admin.call(() -> beds.addBed(ward, "R" + (label + 1) / 2, "B" + label, BedKind.GENERAL)).id());
        }
        return ids;
    }

    private long patient(Sex sex) throws Exception {
        PatientData d = TestData.patient(TestData.uniqueFamilyName("Adm"), "Ida", LocalDate.of(1950, 6, 1));
        d.setSex(sex);
        PatientRecord p = desk.call(() -> patients.register(d));
        return p.id();
    }

    private BedStatus status(long ward, long bed) throws Exception {
        return admin.call(() -> beds.beds(ward)).stream().filter(b -> b.id() == bed).findFirst()
                .map(BedRecord::status).orElseThrow();
    }

    private AdmissionRecord admit(long patient, long bed) throws Exception {
        return physician.call(() -> admissions.admit(patient, bed, AdmissionSource.EMERGENCY, "pneumonia",
                "physician"));
    }



    @Test
    void admitTransferDischarge_andTheBedWaitsForHousekeeping() throws Exception {
        long ward = ward();
        List<Long> bed = bedsIn(ward, 3);
        long p = patient(Sex.FEMALE);
        long other = patient(Sex.MALE);

        AdmissionRecord a = admit(p, bed.get(0));
        assertThat(a.bedId()).isEqualTo(bed.get(0));
        assertThat(status(ward, bed.get(0))).isEqualTo(BedStatus.OCCUPIED);

        assertThat(refusal(() -> admit(p, bed.get(1)))).isInstanceOf(DomainException.class)
                .hasMessageContaining("already admitted");
        assertThat(fieldError(refusal(() -> admit(other, bed.get(0))), "bedId")).contains("is occupied");
        admin.call(() -> beds.block(bed.get(2), "oxygen outlet broken"));
        assertThat(fieldError(refusal(() -> physician.call(() -> admissions.transfer(a.id(), a.version(),
                bed.get(2)))), "bedId")).contains("blocked").contains("oxygen outlet broken");

        AdmissionRecord moved = physician.call(() -> admissions.transfer(a.id(), a.version(), bed.get(1)));
        assertThat(moved.bedId()).isEqualTo(bed.get(1));
        assertThat(status(ward, bed.get(0))).isEqualTo(BedStatus.NEEDS_CLEANING);
        assertThat(status(ward, bed.get(1))).isEqualTo(BedStatus.OCCUPIED);
        assertThat(fieldError(refusal(() -> admit(other, bed.get(0))), "bedId")).contains("needs cleaning");
        assertThat(refusal(() -> physician.call(() -> admissions.transfer(a.id(), a.version(), bed.get(0)))))
                .isInstanceOf(org.asclepius.hms.shared.ConcurrentUpdateException.class);

        AdmissionRecord out = physician.call(() -> admissions.discharge(a.id(), moved.version(), "home", "Recovered; follow-up in clinic."));
        assertThat(out.dischargedAt()).isNotNull();
        assertThat(status(ward, bed.get(1))).isEqualTo(BedStatus.NEEDS_CLEANING);
        assertThat(refusal(() -> physician.call(() -> admissions.discharge(a.id(), out.version(), "home", null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("has ended");

        admin.call(() -> beds.release(bed.get(0)));
        assertThat(status(ward, bed.get(0))).isEqualTo(BedStatus.FREE);
        assertThat(admit(other, bed.get(0)).bedId()).isEqualTo(bed.get(0));
        assertThat(Db.number(db, "select count(*) from encounter where patient_id = ? and kind = 'INPATIENT'"
                + " and ended_at is not null", p)).isEqualTo(1);
    }

    @Test
    void wardRules_refuseTheWrongPatient() throws Exception {
        WardData maternity = WardData.of("M" + System.nanoTime() % 1_000_000_000L, "Maternity", "Obstetrics");
        maternity.setSexRule(Sex.FEMALE);
        maternity.setMinAge(12);
        maternity.setMaxAge(60);
        long ward = ward(maternity);
        long bed = bedsIn(ward, 1).get(0);
        assertThat(fieldError(refusal(() -> admit(patient(Sex.MALE), bed)), "bedId")).contains("is for female");
        assertThat(fieldError(refusal(() -> admit(patient(Sex.FEMALE), bed)), "bedId")).contains("aged 12 to 60");
    }

    @Test
    void manyAdmissionsRacingForOneBed_exactlyOneWins_andAPatientRacedIntoManyBeds_getsOne() throws Exception {
        long ward = ward();
        List<Long> bed = bedsIn(ward, RACERS);
        List<Long> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racers.add(patient(Sex.FEMALE));
        }
        assertThat(race(racers.stream().map(p -> (Callable<Object>) () -> admit(p, bed.get(0))).toList()))
                .isEqualTo(1);
        long one = patient(Sex.FEMALE);
        assertThat(race(bed.subList(1, RACERS).stream().map(b -> (Callable<Object>) () -> admit(one, b)).toList()))
                .isEqualTo(1);

        assertThat(Db.number(db, "select count(*) from bed_stay where bed_id = ? and ended_at is null", bed.get(0)))
                .isEqualTo(1);
        assertThat(Db.number(db, "select count(*) from bed_stay where patient_id = ? and ended_at is null", one))
                .isEqualTo(1);
        assertThat(Db.number(db, "select count(*) from admission where patient_id = ?", one)).isEqualTo(1);
        // the database refuses a second current stay in the bed, whatever the application does
        long admission = Db.number(db, "select id from admission where patient_id = ?", one);
        assertThatThrownBy(() -> Db.execute(db, "insert into bed_stay (id, admission_id, bed_id, patient_id,"
                + " started_at, current_bed_id, current_patient_id) values (-" + System.nanoTime() % 1_000_000_000L
                + ", " + admission + ", " + bed.get(0) + ", " + one + ", current_timestamp, " + bed.get(0) + ", "
                + one + ")")).isInstanceOf(SQLException.class);
    }

    @Test
    void anAdmittedPatient_isNotMergedUntilDischarged() throws Exception {
        long ward = ward();
        long bed = bedsIn(ward, 1).get(0);
        long p = patient(Sex.FEMALE);
        long duplicate = patient(Sex.FEMALE);
        AdmissionRecord a = admit(p, bed);
        assertThatThrownBy(() -> records.call(() -> merges.merge(p, patients(p).version(), duplicate,
                patients(duplicate).version(), "registered twice", null)))
                .isInstanceOf(DomainException.class).hasMessageContaining("admitted");
        physician.call(() -> admissions.discharge(a.id(), a.version(), "home", null));
        assertThat(records.call(() -> merges.merge(p, patients(p).version(), duplicate,
                patients(duplicate).version(), "registered twice", null))).isNotNull();
    }

    private AdmissionRequestRecord ask(long patient, AdmissionPriority priority) throws Exception {
        return physician.call(() -> requests.request(patient, new AdmissionRequestData(AdmissionSource.EMERGENCY,
                priority, "needs a bed", null, null, "physician", null, null)));
    }

    private AdmissionRequestData elective(long ward, LocalDate date, Long reserve) {
        return new AdmissionRequestData(AdmissionSource.ELECTIVE, AdmissionPriority.ROUTINE, "hip replacement", ward,
                BedKind.GENERAL, "physician", date, reserve);
    }

    private String requestStatus(long id) throws Exception {
        return Db.text(db, "select status from admission_request where id = ?", id);
    }

    @Test
    void requestsAreWorkedInPriorityOrder_andFulfilledByTheBedManager() throws Exception {
        long ward = ward();
        List<Long> bed = bedsIn(ward, 3);
        long routine = patient(Sex.FEMALE);
        long emergency = patient(Sex.MALE);
        long urgent = patient(Sex.FEMALE);
        AdmissionRequestRecord r1 = ask(routine, AdmissionPriority.ROUTINE);
        AdmissionRequestRecord r2 = ask(emergency, AdmissionPriority.EMERGENCY);
        AdmissionRequestRecord r3 = ask(urgent, AdmissionPriority.URGENT);
        List<Long> mine = List.of(r1.id(), r2.id(), r3.id());
        assertThat(bedManager.call(() -> requests.waiting()).stream().map(AdmissionRequestRecord::id)
                .filter(mine::contains).toList()).containsExactly(r2.id(), r3.id(), r1.id());
        assertThat(refusal(() -> ask(routine, AdmissionPriority.URGENT))).isInstanceOf(DomainException.class)
                .hasMessageContaining("already has a request waiting");
        assertThat(fieldError(refusal(() -> physician.call(() -> requests.request(routine,
                new AdmissionRequestData(AdmissionSource.DIRECT, null, "x", null, null, null, null, null)))),
                "priority")).contains("how soon");

        AdmissionRequestRecord held = bedManager.call(() -> requests.reserve(r3.id(), r3.version(), bed.get(0)));
        assertThat(held.reservedBed()).endsWith("B1");
        assertThat(status(ward, bed.get(0))).isEqualTo(BedStatus.RESERVED);
        assertThat(fieldError(refusal(() -> admit(patient(Sex.MALE), bed.get(0))), "bedId")).contains("reserved");

        // fulfilled in another bed: the reserved one is free again
        AdmissionRecord in = bedManager.call(() -> requests.fulfil(r3.id(), held.version(), bed.get(1)));
        assertThat(in.bedId()).isEqualTo(bed.get(1));
        assertThat(status(ward, bed.get(0))).isEqualTo(BedStatus.FREE);
        assertThat(requestStatus(r3.id())).isEqualTo("FULFILLED");
        assertThat(Db.number(db, "select admission_id from admission_request where id = ?", r3.id()))
                .isEqualTo(in.id());
        assertThat(refusal(() -> bedManager.call(() -> requests.fulfil(r3.id(), held.version() + 1, bed.get(2)))))
                .isInstanceOf(DomainException.class).hasMessageContaining("no longer waiting");

        assertThat(fieldError(refusal(() -> physician.call(() -> requests.cancel(r1.id(), r1.version(), " "))),
                "reason")).contains("why");
        physician.call(() -> requests.cancel(r1.id(), r1.version(), "went to another hospital"));
        assertThat(requestStatus(r1.id())).isEqualTo("CANCELLED");

        // the wristband of the admitted patient, audited as a read of that patient
        WristbandService.Pdf band = bedManager.call(() -> wristbands.forAdmission(in.id()));
        assertThat(new String(band.content(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(band.fileName()).contains(in.mrn());
        assertThat(Db.number(db, "select count(*) from audit_event where patient_id = ? and resource_type ="
                + " 'Wristband' and user_name = 'test-nurse'", urgent)).isEqualTo(1);
    }

    @Test
    void preAdmission_plansTheEncounter_holdsTheBed_andTheAdmissionUsesBoth() throws Exception {
        long ward = ward();
        List<Long> bed = bedsIn(ward, 2);
        long p = patient(Sex.FEMALE);
        LocalDate today = LocalDate.now(org.asclepius.hms.shared.TimeFormat.hospitalZone());
        assertThat(fieldError(refusal(() -> desk.call(() -> requests.preAdmit(p, elective(ward, today.minusDays(1),
                null)))), "plannedFor")).contains("planned date");
        assertThat(fieldError(refusal(() -> desk.call(() -> requests.preAdmit(p, new AdmissionRequestData(
                AdmissionSource.DIRECT, AdmissionPriority.ROUTINE, "x", ward, null, null, today, null)))), "source"))
                .contains("elective");

        AdmissionRequestRecord planned = desk.call(() -> requests.preAdmit(p, elective(ward, today.plusDays(3),
                bed.get(0))));
        assertThat(planned.preAdmission()).isTrue();
        assertThat(Db.text(db, "select status from encounter where id = ?", planned.encounterId()))
                .isEqualTo("PLANNED");
        assertThat(status(ward, bed.get(0))).isEqualTo(BedStatus.RESERVED);

        AdmissionRecord in = bedManager.call(() -> requests.fulfil(planned.id(), planned.version(), bed.get(0)));
        assertThat(in.encounterId()).isEqualTo(planned.encounterId());
        assertThat(in.source()).isEqualTo(AdmissionSource.ELECTIVE);
        assertThat(Db.text(db, "select status from encounter where id = ?", planned.encounterId()))
                .isEqualTo("IN_PROGRESS");
        assertThat(status(ward, bed.get(0))).isEqualTo(BedStatus.OCCUPIED);

        long q = patient(Sex.MALE);
        AdmissionRequestRecord called = desk.call(() -> requests.preAdmit(q, elective(ward, today, bed.get(1))));
        desk.call(() -> requests.cancel(called.id(), called.version(), "operation called off"));
        assertThat(Db.text(db, "select status from encounter where id = ?", called.encounterId()))
                .isEqualTo("CANCELLED");
        assertThat(status(ward, bed.get(1))).isEqualTo(BedStatus.FREE);
    }

    @Test
    void leave_cancelledTransferAdmissionAndDischarge_andTheHistory() throws Exception {
        long ward = ward();
        List<Long> bed = bedsIn(ward, 4);
        long p = patient(Sex.FEMALE);
        AdmissionRecord a = admit(p, bed.get(0));

        assertThat(fieldError(refusal(() -> bedManager.call(() -> admissions.startLeave(a.id(), a.version(),
                Instant.now().minusSeconds(60), "weekend at home"))), "until")).contains("expected return");
        AdmissionRecord away = bedManager.call(() -> admissions.startLeave(a.id(), a.version(),
                Instant.now().plus(Duration.ofDays(1)), "weekend at home"));
        assertThat(away.status()).isEqualTo(AdmissionStatus.ON_LEAVE);
        assertThat(status(ward, bed.get(0))).isEqualTo(BedStatus.OCCUPIED); // held while away
        assertThat(refusal(() -> bedManager.call(() -> admissions.transfer(a.id(), away.version(), bed.get(1)))))
                .isInstanceOf(DomainException.class).hasMessageContaining("on leave");
        AdmissionRecord back = bedManager.call(() -> admissions.endLeave(a.id(), away.version()));
        assertThat(back.status()).isEqualTo(AdmissionStatus.ADMITTED);

        AdmissionRecord moved = bedManager.call(() -> admissions.transfer(a.id(), back.version(), bed.get(1)));
        AdmissionRecord undone = bedManager.call(() -> admissions.cancelTransfer(a.id(), moved.version(),
                "wrong bed chosen"));
        assertThat(undone.bedId()).isEqualTo(bed.get(0));
        assertThat(status(ward, bed.get(0))).isEqualTo(BedStatus.OCCUPIED);
        assertThat(status(ward, bed.get(1))).isEqualTo(BedStatus.NEEDS_CLEANING);
        assertThat(Db.number(db, "select count(*) from bed_stay where admission_id = ? and cancelled", a.id()))
                .isEqualTo(1);
        assertThat(refusal(() -> bedManager.call(() -> admissions.cancelTransfer(a.id(), undone.version(), "x"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("no transfer to cancel");

        // a transfer whose old bed went to someone else cannot be undone
        AdmissionRecord again = bedManager.call(() -> admissions.transfer(a.id(), undone.version(), bed.get(2)));
        admin.call(() -> beds.release(bed.get(0)));
        admit(patient(Sex.MALE), bed.get(0));
        assertThat(refusal(() -> bedManager.call(() -> admissions.cancelTransfer(a.id(), again.version(), "x"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("is occupied now");

        AdmissionRecord out = bedManager.call(() -> admissions.discharge(a.id(), again.version(), "home",
                "Discharged well."));
        assertThat(out.dischargeSummary()).isEqualTo("Discharged well.");
        AdmissionRecord resumed = bedManager.call(() -> admissions.cancelDischarge(a.id(), out.version(),
                "discharged the wrong patient"));
        assertThat(resumed.status()).isEqualTo(AdmissionStatus.ADMITTED);
        assertThat(resumed.bedId()).isEqualTo(bed.get(2));
        assertThat(status(ward, bed.get(2))).isEqualTo(BedStatus.OCCUPIED);
        assertThat(Db.text(db, "select status from encounter where id = ?", a.encounterId())).isEqualTo("IN_PROGRESS");
        assertThat(refusal(() -> bedManager.call(() -> admissions.cancelDischarge(a.id(), resumed.version(), "x"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("not been discharged");
        AdmissionRecord gone = bedManager.call(() -> admissions.discharge(a.id(), resumed.version(), "home", null));

        AdmissionHistory history = bedManager.call(() -> admissions.history(a.id()));
        assertThat(history.steps()).extracting(AdmissionHistory.Step::kind).containsExactly(
                AdmissionEventKind.ADMITTED, AdmissionEventKind.LEAVE_STARTED, AdmissionEventKind.LEAVE_ENDED,
                AdmissionEventKind.TRANSFERRED, AdmissionEventKind.TRANSFER_CANCELLED, AdmissionEventKind.TRANSFERRED,
                AdmissionEventKind.DISCHARGED, AdmissionEventKind.DISCHARGE_CANCELLED, AdmissionEventKind.DISCHARGED);
        assertThat(history.steps().get(4).detail()).contains("wrong bed chosen");
        assertThat(gone.status()).isEqualTo(AdmissionStatus.DISCHARGED);

        // an admission entered in error: cancelled, its stay not counted, the bed to cleaning, the patient free
        long wrong = patient(Sex.FEMALE);
        AdmissionRecord mistaken = admit(wrong, bed.get(3));
        assertThat(fieldError(refusal(() -> bedManager.call(() -> admissions.cancelAdmission(mistaken.id(),
                mistaken.version(), ""))), "reason")).contains("why");
        AdmissionRecord cancelled = bedManager.call(() -> admissions.cancelAdmission(mistaken.id(),
                mistaken.version(), "wrong patient selected"));
        assertThat(cancelled.status()).isEqualTo(AdmissionStatus.CANCELLED);
        assertThat(status(ward, bed.get(3))).isEqualTo(BedStatus.NEEDS_CLEANING);
        assertThat(Db.text(db, "select status from encounter where id = ?", mistaken.encounterId()))
                .isEqualTo("CANCELLED");
        assertThat(Db.number(db, "select count(*) from bed_stay where admission_id = ? and cancelled",
                mistaken.id())).isEqualTo(1);
        admin.call(() -> beds.release(bed.get(3)));
        assertThat(admit(wrong, bed.get(3)).status()).isEqualTo(AdmissionStatus.ADMITTED);
    }

    @Test
    void bedManagersRacingToFillOneBed_exactlyOneWins_andOneBedIsReservedOnce() throws Exception {
        long ward = ward();
        List<Long> bed = bedsIn(ward, 2);
        List<AdmissionRequestRecord> waiting = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            waiting.add(ask(patient(Sex.FEMALE), AdmissionPriority.URGENT));
        }
        assertThat(race(waiting.stream().map(r -> (Callable<Object>) () -> bedManager.call(() ->
                requests.fulfil(r.id(), r.version(), bed.get(0)))).toList())).isEqualTo(1);
        assertThat(Db.number(db, "select count(*) from bed_stay where bed_id = ?", bed.get(0))).isEqualTo(1);
        List<AdmissionRequestRecord> still = waiting.stream().filter(r -> {
            try {
                return "WAITING".equals(requestStatus(r.id()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(still).hasSize(RACERS - 1);
        assertThat(race(still.stream().map(r -> (Callable<Object>) () -> bedManager.call(() ->
                requests.reserve(r.id(), r.version(), bed.get(1)))).toList())).isEqualTo(1);
        assertThat(Db.number(db, "select count(*) from admission_request where reserved_bed_id = ?", bed.get(1)))
                .isEqualTo(1);
        // the database refuses a second waiting request of one patient, whatever the application does
        AdmissionRequestRecord one = still.get(0);
        assertThatThrownBy(() -> Db.execute(db, "insert into admission_request (id, patient_id, source, priority,"
                + " reason, status, open_patient_id, version, created_at, created_by, updated_at, updated_by)"
                + " values (-" + System.nanoTime() % 1_000_000_000L + ", " + one.patient() + ", 'DIRECT', 'URGENT',"
                + " 'x', 'WAITING', " + one.patient() + ", 0, current_timestamp, 'sql', current_timestamp, 'sql')"))
                .isInstanceOf(SQLException.class);
    }

    private PatientRecord patients(long id) throws Exception {
        return desk.call(() -> patients.get(id));
    }

    private static int race(List<Callable<Object>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Object> attempt : attempts) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        attempt.call();
                        return true;
                    } catch (DomainException refused) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get() ? 1 : 0;
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }
}
