package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asclepius.hms.systemtest.support.Refusals.fieldError;
import static org.asclepius.hms.systemtest.support.Refusals.refusal;
import static org.assertj.core.api.Assertions.within;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.asclepius.hms.inpatient.AdmissionPriority;
import org.asclepius.hms.inpatient.AdmissionRecord;
import org.asclepius.hms.inpatient.AdmissionRequestData;
import org.asclepius.hms.inpatient.AdmissionRequestService;
import org.asclepius.hms.inpatient.AdmissionService;
import org.asclepius.hms.inpatient.AdmissionSource;
import org.asclepius.hms.inpatient.BedBoard;
import org.asclepius.hms.inpatient.BedBoardService;
import org.asclepius.hms.inpatient.BedKind;
import org.asclepius.hms.inpatient.BedRecord;
import org.asclepius.hms.inpatient.BedService;
import org.asclepius.hms.inpatient.BedStatus;
import org.asclepius.hms.inpatient.BoardBed;
import org.asclepius.hms.inpatient.BoardFilter;
import org.asclepius.hms.inpatient.BoardOccupant;
import org.asclepius.hms.inpatient.BoardWard;
import org.asclepius.hms.inpatient.WardData;
import org.asclepius.hms.inpatient.WardRecord;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsNurse;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bed board service and the ward configuration: a board with occupied beds carries each patient's banner
 * data, the ward, kind and state filters narrow it, one audit event is written per patient shown (and none for
 * a patient filtered out); the configuration refuses duplicate codes, bad age ranges, closing a ward with
 * patients in it and removing a bed that was used; roles are enforced.
 */
@ExtendWith(ArquillianExtension.class)
class BedBoardIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(BedBoardIT.class);
    }

    @EJB
    BedService beds;
    @EJB
    BedBoardService board;
    @EJB
    AdmissionService admissions;
    @EJB
    AdmissionRequestService requests;
    @EJB
    PatientService patients;
    @EJB
    AsAdmin admin;
    @EJB
    AsNurse nurse;
    @EJB
    AsReceptionist desk;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    private static String code() {
        return "BB" + System.nanoTime() % 1_000_000_000L;
    }

    private long ward(String code) throws Exception {
        return admin.call(() -> beds.createWard(WardData.of(code, "Board ward " + code, "Internal medicine")));
    }

    private long bed(long ward, String room, String label, BedKind kind) throws Exception {
        return admin.call(() -> beds.addBed(ward, room, label, kind)).id();
    }

    private PatientRecord patient(String given, Sex sex, LocalDate born) throws Exception {
        PatientData d = TestData.patient(TestData.uniqueFamilyName("Board"), given, born);
        d.setSex(sex);
        return desk.call(() -> patients.register(d));
    }

    private AdmissionRecord admit(PatientRecord p, long bed, String attending) throws Exception {
        return nurse.call(() -> admissions.admit(p.id(), bed, AdmissionSource.EMERGENCY, "chest pain", attending));
    }

    private long boardReads(long patient) throws Exception {
        return Db.number(db, "select count(*) from audit_event where patient_id = ? and resource_type = 'Admission'"
                + " and action = 'READ' and outcome = 'SUCCESS'", patient);
    }

    private static BoardWard only(BedBoard b, long wardId) {
        return b.wards().stream().filter(w -> w.id() == wardId).findFirst().orElseThrow();
    }



    @Test
    void boardShowsBannerData_filtersNarrowIt_andEachPatientShownIsAudited() throws Exception {
        String codeA = code();
        long wardA = ward(codeA);
        long a1 = bed(wardA, "R1", "A", BedKind.GENERAL);
        long a2 = bed(wardA, "R1", "B", BedKind.GENERAL);
        long a3 = bed(wardA, "R2", "A", BedKind.ICU);
        long wardB = ward(code());
        long b1 = bed(wardB, "R1", "A", BedKind.GENERAL);
        PatientRecord ann = patient("Ann", Sex.FEMALE, LocalDate.of(1961, 3, 14));
        PatientRecord bob = patient("Bob", Sex.MALE, LocalDate.of(1990, 7, 1));
        AdmissionRecord annIn = admit(ann, a3, "Dr Grey");
        admit(bob, b1, null);
        admin.call(() -> beds.block(a2, "bed rail broken"));

        // ward B alone: Bob is shown and audited, Ann (another ward) is neither
        long annBefore = boardReads(ann.id());
        long bobBefore = boardReads(bob.id());
        BedBoard onlyB = nurse.call(() -> board.board(new BoardFilter(wardB, null, null)));
        assertThat(onlyB.wards()).extracting(BoardWard::id).containsExactly(wardB);
        assertThat(onlyB.scopedParts()).extracting(o -> ((BoardOccupant) o).patientId()).containsExactly(bob.id());
        assertThat(boardReads(bob.id())).isEqualTo(bobBefore + 1);
        assertThat(boardReads(ann.id())).isEqualTo(annBefore);

        // the whole board: ward A by rooms, with Ann's banner data in the ICU bed; Ann now audited once
        BedBoard all = desk.call(() -> board.board(BoardFilter.ALL));
        BoardWard a = only(all, wardA);
        assertThat(a.code()).isEqualTo(codeA);
        assertThat(a.rooms()).extracting(BoardWard.Room::name).containsExactly("R1", "R2");
        assertThat(a.count(BedStatus.OCCUPIED)).isEqualTo(1);
        assertThat(a.count(BedStatus.FREE)).isEqualTo(1);
        assertThat(a.count(BedStatus.BLOCKED)).isEqualTo(1);
        BoardBed icu = a.beds().stream().filter(b -> b.id() == a3).findFirst().orElseThrow();
        assertThat(icu.kind()).isEqualTo(BedKind.ICU);
        assertThat(icu.status()).isEqualTo(BedStatus.OCCUPIED);
        BoardOccupant o = icu.occupant();
        assertThat(o.patientId()).isEqualTo(ann.id());
        assertThat(o.mrn()).isEqualTo(ann.mrn());
        assertThat(o.displayName()).isEqualTo(ann.displayName());
        assertThat(o.birthDate()).isEqualTo(LocalDate.of(1961, 3, 14));
        assertThat(o.sex()).isEqualTo(Sex.FEMALE);
        assertThat(o.attending()).isEqualTo("Dr Grey");
        assertThat(o.admittedAt()).isCloseTo(annIn.admittedAt(), within(1, ChronoUnit.MILLIS));
        assertThat(o.admissionId()).isEqualTo(annIn.id());
        assertThat(o.resourceId()).isEqualTo(String.valueOf(annIn.id()));
        BoardBed blocked = a.beds().stream().filter(b -> b.id() == a2).findFirst().orElseThrow();
        assertThat(blocked.occupant()).isNull();
        assertThat(blocked.note()).isEqualTo("bed rail broken");
        assertThat(a.beds().stream().filter(b -> b.id() == a1).findFirst().orElseThrow().status())
                .isEqualTo(BedStatus.FREE);
        assertThat(boardReads(ann.id())).isEqualTo(annBefore + 1);
        assertThat(Db.number(db, "select count(*) from audit_event where patient_id = ? and resource_type ="
                + " 'Admission' and action = 'READ' and resource_id = ?", ann.id(), String.valueOf(annIn.id())))
                .isEqualTo(1);

        // kind and state filters: only matching beds, wards without one left out, counts stay the ward's
        BedBoard icuOnly = nurse.call(() -> board.board(new BoardFilter(null, BedKind.ICU, null)));
        assertThat(icuOnly.beds()).allMatch(b -> b.kind() == BedKind.ICU);
        assertThat(icuOnly.wards()).extracting(BoardWard::id).contains(wardA).doesNotContain(wardB);
        assertThat(only(icuOnly, wardA).beds()).extracting(BoardBed::id).containsExactly(a3);
        assertThat(only(icuOnly, wardA).total()).isEqualTo(3);
        BedBoard freeInA = nurse.call(() -> board.board(new BoardFilter(wardA, null, BedStatus.FREE)));
        assertThat(freeInA.beds()).extracting(BoardBed::id).containsExactly(a1);
        assertThat(freeInA.scopedParts()).isEmpty();
        BedBoard blockedInB = nurse.call(() -> board.board(new BoardFilter(wardB, null, BedStatus.BLOCKED)));
        assertThat(blockedInB.wards()).isEmpty();

        // one bed, as the board's dialog reads it
        BoardBed one = nurse.call(() -> board.bed(a3));
        assertThat(one.occupant().mrn()).isEqualTo(ann.mrn());
        assertThat(one.name()).isEqualTo(codeA + " R2-A");
    }

    @Test
    void aReservedBed_showsWhoItIsHeldFor_andThatPatientIsAudited() throws Exception {
        long ward = ward(code());
        long bed = bed(ward, "R1", "A", BedKind.GENERAL);
        PatientRecord dora = patient("Dora", Sex.FEMALE, LocalDate.of(1955, 5, 5));
        LocalDate planned = LocalDate.now().plusDays(3);
        nurse.call(() -> requests.preAdmit(dora.id(), new AdmissionRequestData(AdmissionSource.ELECTIVE,
                AdmissionPriority.ROUTINE, "knee replacement", ward, null, "Dr Who", planned, bed)));

        BoardBed reserved = desk.call(() -> board.board(new BoardFilter(ward, null, null))).beds().get(0);
        assertThat(reserved.status()).isEqualTo(BedStatus.RESERVED);
        assertThat(reserved.occupant()).isNull();
        assertThat(reserved.reservation().patientId()).isEqualTo(dora.id());
        assertThat(reserved.reservation().mrn()).isEqualTo(dora.mrn());
        assertThat(reserved.reservation().plannedFor()).isEqualTo(planned);
        assertThat(reserved.reservation().priority()).isEqualTo(AdmissionPriority.ROUTINE);
        assertThat(Db.number(db, "select count(*) from audit_event where patient_id = ? and resource_type ="
                + " 'Admission' and action = 'READ' and resource_id = ?", dora.id(),
                "request-" + reserved.reservation().requestId())).isEqualTo(1);
    }

    @Test
    void configuration_refusesBadInput_andClosingAWardInUse_andRemovingAUsedBed() throws Exception {
        String code = code();
        long ward = ward(code);
        String taken = code();
        ward(taken);
        long used = bed(ward, "R1", "A", BedKind.GENERAL);
        long spare = bed(ward, "R1", "B", BedKind.GENERAL);
        WardRecord w = admin.call(() -> beds.ward(ward));
        assertThat(w.beds()).isEqualTo(2);
        assertThat(w.open()).isTrue();

        WardData dup = WardData.of(w);
        dup.setCode(taken.toLowerCase());
        assertThat(fieldError(refusal(() -> admin.call(() -> beds.updateWard(ward, w.version(), dup))), "code"))
                .contains("another ward");
        WardData ages = WardData.of(w);
        ages.setMinAge(65);
        ages.setMaxAge(16);
        assertThat(fieldError(refusal(() -> admin.call(() -> beds.updateWard(ward, w.version(), ages))),
                "ageRangeValid")).contains("youngest age");
        assertThat(fieldError(refusal(() -> admin.call(() -> beds.createWard(WardData.of(code, "Again", "X")))),
                "code")).contains("another ward");

        // rename and a rule: saved, version moves on; a stale version is refused
        WardData change = WardData.of(w);
        change.setName("Renamed " + code);
        change.setSexRule(Sex.FEMALE);
        WardRecord renamed = admin.call(() -> beds.updateWard(ward, w.version(), change));
        assertThat(renamed.name()).isEqualTo("Renamed " + code);
        assertThat(renamed.rules()).isEqualTo("women only");
        assertThat(refusal(() -> admin.call(() -> beds.updateWard(ward, w.version(), change))))
                .isInstanceOf(org.asclepius.hms.shared.ConcurrentUpdateException.class);

        // a patient in a bed: the ward cannot be closed; the bed that held someone cannot be removed
        PatientRecord p = patient("Cleo", Sex.FEMALE, LocalDate.of(1970, 1, 1));
        AdmissionRecord in = admit(p, used, null);
        WardData close = WardData.of(renamed);
        close.setOpen(false);
        assertThat(fieldError(refusal(() -> admin.call(() -> beds.updateWard(ward, renamed.version(), close))),
                "open")).contains("1 bed is occupied");
        nurse.call(() -> admissions.discharge(in.id(), in.version(), "home", "Recovered; follow-up in clinic."));
        assertThat(refusal(() -> admin.call(() -> { beds.removeBed(used); return null; })))
                .isInstanceOf(DomainException.class).hasMessageContaining("has been used");
        WardRecord closed = admin.call(() -> beds.updateWard(ward, renamed.version(), close));
        assertThat(closed.open()).isFalse();
        assertThat(admin.call(() -> beds.freeBeds())).extracting(BedRecord::wardId).doesNotContain(ward);

        // a bed never used: changed, then removed; a duplicate place is refused
        BedRecord spareNow = admin.call(() -> beds.beds(ward)).stream().filter(b -> b.id() == spare).findFirst()
                .orElseThrow();
        assertThat(fieldError(refusal(() -> admin.call(() -> beds.updateBed(spare, spareNow.version(), "R1", "A",
                BedKind.GENERAL))), "label")).contains("already has a bed A");
        BedRecord moved = admin.call(() -> beds.updateBed(spare, spareNow.version(), "R2", "A", BedKind.ISOLATION));
        assertThat(moved.room()).isEqualTo("R2");
        assertThat(moved.kind()).isEqualTo(BedKind.ISOLATION);
        admin.run(() -> beds.removeBed(spare));
        assertThat(admin.call(() -> beds.beds(ward))).extracting(BedRecord::id).containsExactly(used);

        // roles: only the admin configures; a receptionist views the board
        assertThat(refusal(() -> nurse.call(() -> beds.updateWard(ward, closed.version(), close))))
                .isInstanceOf(EJBAccessException.class);
        assertThat(refusal(() -> desk.call(() -> { beds.removeBed(used); return null; })))
                .isInstanceOf(EJBAccessException.class);
        assertThat(desk.call(() -> board.board(new BoardFilter(ward, null, null))).wards()).hasSize(1);
        List<WardRecord> wards = desk.call(() -> beds.wards());
        assertThat(wards).extracting(WardRecord::code).contains(code, taken);
    }
}
