package org.asclepius.hms.inpatient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.PatientScoped;
import org.junit.jupiter.api.Test;

/** The board's records: ward rules as staff read them, the filter, counts and which patients are audited. */
class BedBoardRecordsTest {

    private static WardRecord ward(Sex sex, Integer min, Integer max) {
        return new WardRecord(1, 0, "W", "Ward", "Dept", sex, min, max, true, 0, 0);
    }

    private static BoardBed bed(long id, BedKind kind, BedStatus status, Long patient) {
        BoardOccupant o = patient == null ? null : new BoardOccupant(100 + id, 0, AdmissionStatus.ADMITTED, patient,
                "Smith", "Ann", null, "M" + patient, LocalDate.of(1960, 1, 1), false, Sex.FEMALE,
                Instant.EPOCH, null, null);
        return new BoardBed(id, 0, 1, "W", "R1", "B" + id, kind, status, null, o, null);
    }

    @Test
    void wardRules_readAsStaffSayThem() {
        assertThat(ward(null, null, null).rules()).isEqualTo("anyone");
        assertThat(ward(Sex.FEMALE, null, null).rules()).isEqualTo("women only");
        assertThat(ward(Sex.MALE, 16, 64).rules()).isEqualTo("men only, 16–64 years");
        assertThat(ward(null, null, 15).rules()).isEqualTo("up to 15 years");
        assertThat(ward(null, 65, null).rules()).isEqualTo("65 years and over");
    }

    @Test
    void filter_kindAndState() {
        BoardFilter icuFree = new BoardFilter(null, BedKind.ICU, BedStatus.FREE);
        assertThat(icuFree.shows(bed(1, BedKind.ICU, BedStatus.FREE, null))).isTrue();
        assertThat(icuFree.shows(bed(2, BedKind.ICU, BedStatus.OCCUPIED, 7L))).isFalse();
        assertThat(icuFree.shows(bed(3, BedKind.GENERAL, BedStatus.FREE, null))).isFalse();
        assertThat(BoardFilter.ALL.narrowsBeds()).isFalse();
        assertThat(new BoardFilter(5L, null, null).narrowsBeds()).isFalse();
        assertThat(icuFree.narrowsBeds()).isTrue();
    }

    @Test
    void board_auditsTheOccupantsShown_andCountsByState() {
        BoardWard w = new BoardWard(1, "W", "Ward", "Dept", true, "anyone", List.of(
                new BoardWard.Room("R1", List.of(bed(1, BedKind.GENERAL, BedStatus.OCCUPIED, 7L),
                        bed(2, BedKind.GENERAL, BedStatus.FREE, null))),
                new BoardWard.Room("R2", List.of(bed(3, BedKind.ICU, BedStatus.OCCUPIED, 8L)))),
                Map.of(BedStatus.OCCUPIED, 2, BedStatus.FREE, 1));
        BedBoard board = new BedBoard(List.of(w), Instant.EPOCH);
        assertThat(board.scopedParts()).extracting(PatientScoped::patientId).containsExactly(7L, 8L);
        assertThat(board.scopedParts()).extracting(PatientScoped::resourceId).containsExactly("101", "103");
        assertThat(board.shown(BedStatus.OCCUPIED)).isEqualTo(2);
        assertThat(board.shown(BedStatus.BLOCKED)).isZero();
        assertThat(w.total()).isEqualTo(3);
        assertThat(w.count(BedStatus.NEEDS_CLEANING)).isZero();
        assertThat(bed(2, BedKind.GENERAL, BedStatus.FREE, null).scopedParts()).isEmpty();
        BoardBed reserved = new BoardBed(4, 0, 1, "W", "R2", "B", BedKind.GENERAL, BedStatus.RESERVED, null, null,
                new BoardReservation(55, AdmissionPriority.ROUTINE, LocalDate.of(2030, 1, 2), 9, "Lee", "Kim", null,
                        "M9", LocalDate.of(1980, 1, 1), Sex.MALE));
        assertThat(reserved.scopedParts()).extracting(PatientScoped::resourceId).containsExactly("request-55");
        assertThat(bed(1, BedKind.GENERAL, BedStatus.OCCUPIED, 7L).name()).isEqualTo("W R1-B1");
    }
}
