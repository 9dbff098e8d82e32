package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.asclepius.hms.inpatient.AdmissionRecord;
import org.asclepius.hms.inpatient.AdmissionService;
import org.asclepius.hms.inpatient.AdmissionSource;
import org.asclepius.hms.inpatient.BedKind;
import org.asclepius.hms.inpatient.BedRecord;
import org.asclepius.hms.inpatient.BedService;
import org.asclepius.hms.inpatient.BedStatus;
import org.asclepius.hms.inpatient.WardData;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PatientMergeService;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.systemtest.callers.AsAdmin;
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
 * housekeeping; ward rules; a patient with an open admission is not merged.
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

    private static String fieldError(Throwable e, String field) {
        assertThat(e).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) e).getFieldErrors().get(field);
    }

    private static Throwable refusal(Callable<?> action) {
        try {
            action.call();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected a refusal");
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

        AdmissionRecord out = physician.call(() -> admissions.discharge(a.id(), moved.version(), "home"));
        assertThat(out.dischargedAt()).isNotNull();
        assertThat(status(ward, bed.get(1))).isEqualTo(BedStatus.NEEDS_CLEANING);
        assertThat(refusal(() -> physician.call(() -> admissions.discharge(a.id(), out.version(), "home"))))
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
        physician.call(() -> admissions.discharge(a.id(), a.version(), "home"));
        assertThat(records.call(() -> merges.merge(p, patients(p).version(), duplicate,
                patients(duplicate).version(), "registered twice", null))).isNotNull();
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
