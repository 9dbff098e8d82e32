package org.asclepius.hms.inpatient.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.asclepius.hms.inpatient.census.CensusCalculator.BedFact;
import org.asclepius.hms.inpatient.census.CensusCalculator.Counts;
import org.asclepius.hms.inpatient.census.CensusCalculator.Stay;
import org.asclepius.hms.inpatient.census.CensusCalculator.WardFact;
import org.junit.jupiter.api.Test;

class CensusCalculatorTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalDate D = LocalDate.of(2030, 3, 30); // the clocks go forward in the night to 31 March
    static final long A = 1;
    static final long B = 2;
    static final Instant LONG_AGO = Instant.parse("2029-01-01T00:00:00Z");

    static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
    }

    static final List<WardFact> WARDS = List.of(new WardFact(A, LONG_AGO, true), new WardFact(B, LONG_AGO, true));
    static final List<BedFact> BEDS = List.of(new BedFact(A, LONG_AGO, false), new BedFact(A, LONG_AGO, false),
            new BedFact(A, LONG_AGO, true), new BedFact(B, LONG_AGO, false), new BedFact(B, LONG_AGO, false));

    /**
     * P1 admitted to A on D, moved to another bed of A, then to B on D+1; P2 admitted to A on D, discharged D+1;
     * P3 admitted to and discharged from B on D+2; P4 admitted to B on D+2 and on leave since (stay open).
     */
    static final List<Stay> STAYS = List.of(
            new Stay(10, A, at(D, 10), at(D, 12), false),
            new Stay(10, A, at(D, 12), at(D.plusDays(1), 9), false),
            new Stay(10, B, at(D.plusDays(1), 9), null, false),
            new Stay(20, A, at(D, 14), at(D.plusDays(1), 18), true),
            new Stay(30, B, at(D.plusDays(2), 8), at(D.plusDays(2), 20), true),
            new Stay(40, B, at(D.plusDays(2), 21), null, false));

    static Counts row(List<Counts> rows, LocalDate day, long ward) {
        return rows.stream().filter(c -> c.date().equals(day) && c.wardId() == ward).findFirst().orElseThrow();
    }

    @Test
    void midnightCensus_countsStaysOpenAtTheClosingMidnight_andTheDaysMovements() {
        List<LocalDate> days = List.of(D, D.plusDays(1), D.plusDays(2));
        List<Counts> rows = CensusCalculator.census(days, WARDS, BEDS, STAYS, ZONE);

        assertThat(rows).hasSize(6);
        assertThat(row(rows, D, A)).isEqualTo(new Counts(D, A, 3, 2, 2, 2, 0, 0, 0));
        assertThat(row(rows, D, B)).isEqualTo(new Counts(D, B, 2, 2, 0, 0, 0, 0, 0));
        assertThat(row(rows, D.plusDays(1), A)).isEqualTo(new Counts(D.plusDays(1), A, 3, 2, 0, 0, 1, 0, 1));
        assertThat(row(rows, D.plusDays(1), B)).isEqualTo(new Counts(D.plusDays(1), B, 2, 2, 1, 0, 0, 1, 0));
        // the same-day stay is admitted and discharged; the patient on leave keeps the bed
        assertThat(row(rows, D.plusDays(2), B)).isEqualTo(new Counts(D.plusDays(2), B, 2, 2, 2, 2, 1, 0, 0));
    }

    @Test
    void eachDay_occupiedIsTheDayBeforePlusWhoCameMinusWhoLeft() {
        List<LocalDate> days = List.of(D, D.plusDays(1), D.plusDays(2), D.plusDays(3));
        List<Counts> rows = CensusCalculator.census(days, WARDS, BEDS, STAYS, ZONE);
        for (long ward : List.of(A, B)) {
            int before = 0;
            for (LocalDate day : days) {
                Counts c = row(rows, day, ward);
                assertThat(c.occupied()).as(day + " ward " + ward)
                        .isEqualTo(before + c.admissions() + c.transfersIn() - c.discharges() - c.transfersOut());
                before = c.occupied();
            }
        }
    }

    @Test
    void aDayOfTwentyThreeHours_endsAtLocalMidnight() {
        Instant midnight = CensusCalculator.midnightEnding(D, ZONE);
        assertThat(midnight).isEqualTo(Instant.parse("2030-03-30T23:00:00Z"));
        assertThat(Duration.between(CensusCalculator.startOf(D.plusDays(1), ZONE),
                CensusCalculator.midnightEnding(D.plusDays(1), ZONE))).isEqualTo(Duration.ofHours(23));
        // movements at 00:00 exactly belong to the day that begins: a discharge then is the next day's (the
        // patient is still counted at the close of this one), an admission then is not yet in a bed tonight
        List<Stay> edge = List.of(new Stay(1, A, at(D, 8), midnight, true), new Stay(2, A, midnight, null, false));
        List<Counts> rows = CensusCalculator.census(List.of(D, D.plusDays(1)), WARDS, BEDS, edge, ZONE);
        assertThat(row(rows, D, A)).isEqualTo(new Counts(D, A, 3, 2, 1, 1, 0, 0, 0));
        assertThat(row(rows, D.plusDays(1), A)).isEqualTo(new Counts(D.plusDays(1), A, 3, 2, 1, 1, 1, 0, 0));
    }

    @Test
    void wardsAndBeds_countFromTheDayTheyWereSetUp_andAClosedWardHasNoAvailableBed() {
        Instant setUp = at(D.plusDays(1), 15);
        List<WardFact> wards = List.of(new WardFact(A, setUp, true), new WardFact(B, LONG_AGO, false));
        List<BedFact> beds = List.of(new BedFact(A, setUp, false), new BedFact(A, at(D.plusDays(2), 1), false),
                new BedFact(B, LONG_AGO, false));
        List<Counts> rows = CensusCalculator.census(List.of(D, D.plusDays(1)), wards, beds, List.of(), ZONE);
        assertThat(rows).extracting(Counts::date, Counts::wardId).doesNotContain(
                org.assertj.core.groups.Tuple.tuple(D, A));
        assertThat(row(rows, D.plusDays(1), A).beds()).isEqualTo(1);
        assertThat(row(rows, D, B).beds()).isEqualTo(1);
        assertThat(row(rows, D, B).bedsAvailable()).isZero();
    }

    @Test
    void occupancyAndAverageLengthOfStay_haveOneDecimal_andNothingWhenUndefined() {
        assertThat(CensusCalculator.occupancyPercent(2, 3)).isEqualByComparingTo(new BigDecimal("66.7"));
        assertThat(CensusCalculator.occupancyPercent(0, 0)).isNull();
        assertThat(CensusCalculator.averageDays(List.of(Duration.ofHours(28), Duration.ofHours(12))))
                .isEqualByComparingTo(new BigDecimal("0.8"));
        assertThat(CensusCalculator.averageDays(List.of(Duration.ofHours(36)))).hasToString("1.5");
        assertThat(CensusCalculator.averageDays(List.of())).isNull();
    }
}
