package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.asclepius.hms.inpatient.AdmissionRecord;
import org.asclepius.hms.inpatient.AdmissionService;
import org.asclepius.hms.inpatient.AdmissionSource;
import org.asclepius.hms.inpatient.BedService;
import org.asclepius.hms.inpatient.census.CensusCsv;
import org.asclepius.hms.inpatient.census.CensusRecord;
import org.asclepius.hms.inpatient.census.CensusService;
import org.asclepius.hms.inpatient.census.DailyMovementRecord;
import org.asclepius.hms.inpatient.census.LengthOfStayRecord;
import org.asclepius.hms.inpatient.census.PatientFlowReports;
import org.asclepius.hms.inpatient.census.WardCensus;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.TimeFormat;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsNurse;
import org.asclepius.hms.systemtest.callers.AsPhysician;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.clock.TestClock;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.WardFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The midnight census: admissions, a transfer between wards and discharges over three days (the application's
 * clock moved forward through them) give the expected census rows, average length of stay and daily counts; the
 * timer's work written twice, or by several at once, writes each row once; a missing day is derived again from the
 * stays; the CSV export holds the same figures; the reports are audited without patients and refused to a role
 * that may not read them.
 */
@ExtendWith(ArquillianExtension.class)
class CensusIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(CensusIT.class, TestClock.class, WardFixture.class, WardFixture.Ward.class);
    }

    @EJB
    BedService beds;
    @EJB
    AdmissionService admissions;
    @EJB
    PatientService patients;
    @EJB
    PatientFlowReports reports;
    /** The timer's work ({@code CensusTasks} calls it as the system; the timer callback itself takes no caller). */
    @EJB
    CensusService census;
    @EJB
    AsAdmin admin;
    @EJB
    AsNurse nurse;
    @EJB
    AsPhysician physician;
    @EJB
    AsReceptionist desk;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    private final ZoneId zone = TimeFormat.hospitalZone();

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    private AdmissionRecord admit(long patient, long bed, LocalDate day, int hour) throws Exception {
        TestClock.advancePast(at(day, hour));
        return physician.call(() -> admissions.admit(patient, bed, AdmissionSource.EMERGENCY, "pneumonia", "Dr Who"));
    }

    private static CensusRecord row(List<CensusRecord> rows, LocalDate day) {
        return rows.stream().filter(r -> r.date().equals(day)).findFirst()
                .orElseThrow(() -> new AssertionError("no census row of " + day + " in " + rows));
    }

    private static void assertCounts(CensusRecord r, int beds, int available, int occupied, String percent,
            int admitted, int discharged, int in, int out) {
        assertThat(List.of(r.beds(), r.bedsAvailable(), r.occupied(), r.admissions(), r.discharges(), r.transfersIn(),
                r.transfersOut())).as(r.toString()).containsExactly(beds, available, occupied, admitted, discharged,
                in, out);
        if (percent == null) {
            assertThat(r.occupancyPercent()).isNull();
        } else {
            assertThat(r.occupancyPercent()).as(r.toString()).isEqualByComparingTo(new BigDecimal(percent));
        }
    }

    private long rows(long ward, LocalDate from, LocalDate to) throws Exception {
        return Db.number(db, "select count(*) from ward_census where ward_id = ? and census_date between ? and ?",
                ward, from, to);
    }

    @Test
    void admissionsTransfersAndDischargesOverDays_giveTheCensus_lengthOfStay_dailyCounts_andTheCsv()
            throws Exception {
        WardFixture.Ward a = WardFixture.create(admin, beds, "CA", "Internal medicine", 3);
        WardFixture.Ward b = WardFixture.create(admin, beds, "CB", "Surgery", 2);
        admin.call(() -> beds.block(a.bed(2), "oxygen outlet broken"));
        long p1 = WardFixture.patient(desk, patients, "Cen");
        long p2 = WardFixture.patient(desk, patients, "Cen");
        long p3 = WardFixture.patient(desk, patients, "Cen");
        // days far ahead of any other test's data
        LocalDate d = LocalDate.now(zone).plusDays(600 + ThreadLocalRandom.current().nextInt(300));

        AdmissionRecord first = admit(p1, a.bed(0), d, 10);
        AdmissionRecord second = admit(p2, a.bed(1), d, 14);
        TestClock.advancePast(at(d.plusDays(1), 9));
        physician.call(() -> admissions.transfer(first.id(), first.version(), b.bed(0)));
        TestClock.advancePast(at(d.plusDays(1), 18));
        physician.call(() -> admissions.discharge(second.id(), second.version(), "home", null));
        AdmissionRecord third = admit(p3, b.bed(1), d.plusDays(2), 8);
        TestClock.advancePast(at(d.plusDays(2), 20));
        physician.call(() -> admissions.discharge(third.id(), third.version(), "home", null));
        TestClock.advancePast(at(d.plusDays(4), 1));

        // the timer's work, twice: the last day is the nightly census, the days before are derived; nothing twice
        assertThat(admin.call(() -> census.recordNightly())).isPositive();
        assertThat(admin.call(() -> census.recordNightly())).isZero();
        LocalDate last = d.plusDays(3);
        assertThat(rows(a.id(), d, last)).isEqualTo(4);
        assertThat(rows(b.id(), d, last)).isEqualTo(4);
        assertThat(Db.column(db, "select source from ward_census where ward_id = ? and census_date = ?", a.id(), last))
                .containsExactly("NIGHTLY");
        assertThat(Db.column(db, "select source from ward_census where ward_id = ? and census_date = ?", a.id(), d))
                .containsExactly("BACKFILL");

        List<CensusRecord> wardA = nurse.call(() -> reports.census(d, last, a.id()));
        assertThat(wardA).hasSize(4).allSatisfy(r -> assertThat(r.wardCode()).isEqualTo(a.code()));
        assertCounts(row(wardA, d), 3, 2, 2, "100.0", 2, 0, 0, 0);
        assertCounts(row(wardA, d.plusDays(1)), 3, 2, 0, "0.0", 0, 1, 0, 1);
        assertCounts(row(wardA, d.plusDays(2)), 3, 2, 0, "0.0", 0, 0, 0, 0);
        List<CensusRecord> wardB = nurse.call(() -> reports.census(d, last, b.id()));
        assertCounts(row(wardB, d), 2, 2, 0, "0.0", 0, 0, 0, 0);
        assertCounts(row(wardB, d.plusDays(1)), 2, 2, 1, "50.0", 0, 0, 1, 0);
        assertCounts(row(wardB, d.plusDays(2)), 2, 2, 1, "50.0", 1, 1, 0, 0);
        assertCounts(row(wardB, last), 2, 2, 1, "50.0", 0, 0, 0, 0);
        // every ward: both of ours among them, by day then ward
        List<CensusRecord> all = nurse.call(() -> reports.census(d, d, null));
        assertThat(all).extracting(CensusRecord::wardCode).contains(a.code(), b.code());

        // P2: 28 hours (1.17 days) from A, P3: 12 hours (0.5) from B; overall 20 hours = 0.83 days
        List<LengthOfStayRecord> los = physician.call(() -> reports.lengthOfStay(d, last, null));
        assertThat(los).filteredOn(l -> Long.valueOf(a.id()).equals(l.wardId())).singleElement().satisfies(l -> {
            assertThat(l.discharges()).isEqualTo(1);
            assertThat(l.averageDays()).isEqualByComparingTo("1.2");
        });
        assertThat(los).filteredOn(l -> Long.valueOf(b.id()).equals(l.wardId())).singleElement().satisfies(l ->
                assertThat(l.averageDays()).isEqualByComparingTo("0.5"));
        assertThat(los.get(los.size() - 1)).satisfies(overall -> {
            assertThat(overall.overall()).isTrue();
            assertThat(overall.discharges()).isEqualTo(2);
            assertThat(overall.averageDays()).isEqualByComparingTo("0.8");
        });
        List<LengthOfStayRecord> losA = nurse.call(() -> reports.lengthOfStay(d, last, a.id()));
        assertThat(losA).extracting(LengthOfStayRecord::wardId).containsExactly(a.id(), null);

        List<DailyMovementRecord> daysA = nurse.call(() -> reports.dailyMovements(d, last, a.id()));
        assertThat(daysA).extracting(DailyMovementRecord::date)
                .containsExactly(d, d.plusDays(1), d.plusDays(2), last);
        assertThat(daysA).extracting(DailyMovementRecord::admissions).containsExactly(2, 0, 0, 0);
        assertThat(daysA).extracting(DailyMovementRecord::discharges).containsExactly(0, 1, 0, 0);
        assertThat(daysA).extracting(DailyMovementRecord::transfersOut).containsExactly(0, 1, 0, 0);

        // the CSV holds the same figures
        String csv = nurse.call(() -> reports.csv(CensusCsv.Report.CENSUS, d, last, a.id()));
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("date,ward_code,ward_name,beds,beds_available,occupied_at_midnight,"
                + "occupancy_percent,admissions,discharges,transfers_in,transfers_out,source");
        assertThat(lines[1]).isEqualTo(d + "," + a.code() + ",Ward " + a.code() + ",3,2,2,100.0,2,0,0,0,backfill");
        assertThat(lines[4]).isEqualTo(last + "," + a.code() + ",Ward " + a.code() + ",3,2,0,0.0,0,0,0,0,nightly");
        String losCsv = nurse.call(() -> reports.csv(CensusCsv.Report.LENGTH_OF_STAY, d, last, b.id()));
        assertThat(losCsv).isEqualTo("ward_code,ward_name,discharges,average_length_of_stay_days\r\n"
                + b.code() + ",Ward " + b.code() + ",1,0.5\r\nALL,All wards,2,0.8\r\n");
        String daysCsv = nurse.call(() -> reports.csv(CensusCsv.Report.MOVEMENTS, d, last, b.id()));
        assertThat(daysCsv.split("\r\n")).containsExactly(
                "date,admissions,discharges,transfers_in,transfers_out,occupied_at_midnight",
                d + ",0,0,0,0,0", d.plusDays(1) + ",0,0,1,0,1", d.plusDays(2) + ",1,1,0,0,1", last + ",0,0,0,0,1");

        // audited as aggregate reads and exports, never with a patient
        assertThat(Db.number(db, "select count(*) from audit_event where resource_type = 'WardCensus'"
                + " and action = 'EXPORT' and user_name = 'test-nurse' and resource_id like ?",
                "ward-census " + d + "%")).isEqualTo(1);
        assertThat(Db.number(db, "select count(*) from audit_event where resource_type = 'WardCensus'"
                + " and patient_id is not null")).isZero();
    }

    @Test
    void missingDays_areDerivedFromTheStays_andManyWritersAtOnceWriteEachRowOnce() throws Exception {
        WardFixture.Ward w = WardFixture.create(admin, beds, "CR", "Internal medicine", 2);
        long p = WardFixture.patient(desk, patients, "Cen");
        LocalDate d = LocalDate.now(zone).plusDays(1000 + ThreadLocalRandom.current().nextInt(300));
        admit(p, w.bed(0), d, 22);
        TestClock.advancePast(at(d.plusDays(3), 3));

        // a report of days nobody recorded derives them (and keeps them)
        assertThat(rows(w.id(), d, d.plusDays(1))).isZero();
        List<CensusRecord> derived = nurse.call(() -> reports.census(d, d.plusDays(1), w.id()));
        assertThat(derived).extracting(CensusRecord::occupied).containsExactly(1, 1);
        assertThat(derived).extracting(CensusRecord::source).containsOnly(WardCensus.Source.BACKFILL);
        assertThat(rows(w.id(), d, d.plusDays(1))).isEqualTo(2);
        String recorded = Db.column(db, "select recorded_at from ward_census where ward_id = ? and census_date = ?",
                w.id(), d).get(0);

        // eight timer runs at once (two nodes, a report reading): each row once, nothing fails
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit((Callable<Object>) () -> admin.call(() -> census.recordNightly())));
            }
            for (Future<Object> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows(w.id(), d, d.plusDays(2))).isEqualTo(3);
        assertThat(Db.column(db, "select source from ward_census where ward_id = ? and census_date = ?", w.id(),
                d.plusDays(2))).containsExactly("NIGHTLY");
        // a row once written stays as it was
        assertThat(Db.column(db, "select recorded_at from ward_census where ward_id = ? and census_date = ?", w.id(),
                d)).containsExactly(recorded);
        assertThat(Db.number(db, "select count(*) from ward_census where ward_id = ?", w.id()))
                .isEqualTo(Db.number(db, "select count(distinct census_date) from ward_census where ward_id = ?",
                        w.id()));
    }

    @Test
    void reports_refuseBadPeriods_andRolesThatMayNotReadThem() throws Exception {
        LocalDate today = LocalDate.now(zone);
        assertThatThrownBy(() -> nurse.call(() -> reports.census(today, today, null)))
                .isInstanceOf(InvalidInputException.class).satisfies(e ->
                        assertThat(((InvalidInputException) e).getFieldErrors()).containsKey("from"));
        assertThatThrownBy(() -> nurse.call(() -> reports.census(today.minusDays(1), today.minusDays(3), null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> nurse.call(() -> reports.census(today.minusDays(400), today.minusDays(1), null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> desk.call(() -> reports.census(today.minusDays(2), today.minusDays(1), null)))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> desk.call(() -> reports.csv(CensusCsv.Report.CENSUS, today.minusDays(2),
                today.minusDays(1), null))).isInstanceOf(EJBAccessException.class);
    }
}
