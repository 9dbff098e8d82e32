package org.asclepius.hms.inpatient.census;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.inpatient.AdmissionStatus;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.shared.TimeFormat;

/**
 * Patient flow reports for ward managers and the hospital: the midnight census per ward over a period (occupancy),
 * the average length of stay of the admissions discharged in it, and the admissions and discharges per day — and
 * each as CSV. Figures only, never patients: each call is audited as one aggregate read (or export) without a
 * patient, naming the period and the ward.
 *
 * <p>A period is whole days of the hospital's zone, at most {@link #MAX_DAYS}, ending yesterday at the latest
 * (today's census is taken at the coming midnight). Census rows a period is missing (before the timer ran, or
 * days before the feature existed) are derived from the stays and kept ({@link CensusLedger}).
 */
@Stateless
public class PatientFlowReports {
    public static final int MAX_DAYS = 366;
    private static final String RESOURCE = "WardCensus";

    @PersistenceContext
    EntityManager em;
    @Inject
    CensusLedger ledger;
    @Inject
    Clock clock;
    @EJB
    AuditTrail audit;

    /** The wards, open ones first, by code. */
    @RolesAllowed({Roles.ADMIN, Roles.NURSE, Roles.PHYSICIAN})
    public List<WardOption> wards() {
        return em.createQuery("select w.id, w.code, w.name, w.active from Ward w order by w.active desc, w.code",
                        Object[].class).getResultStream()
                .map(r -> new WardOption((Long) r[0], (String) r[1], (String) r[2], (Boolean) r[3])).toList();
    }

    /** The census rows of the period, by day and ward code; one ward's when {@code wardId} is given. */
    @RolesAllowed({Roles.ADMIN, Roles.NURSE, Roles.PHYSICIAN})
    @Audited(action = AuditAction.READ, resource = RESOURCE)
    public List<CensusRecord> census(LocalDate from, LocalDate to, Long wardId) {
        return audited(AuditAction.READ, "census", from, to, wardId, censusRows(from, to, wardId));
    }

    /**
     * Average length of stay of the admissions discharged in the period (by the day of discharge): one row per ward
     * they were discharged from (the ward of the last bed), by ward code, then the overall row ({@code wardId}
     * null). With {@code wardId}, that ward's row and the overall row of the hospital.
     */
    @RolesAllowed({Roles.ADMIN, Roles.NURSE, Roles.PHYSICIAN})
    @Audited(action = AuditAction.READ, resource = RESOURCE)
    public List<LengthOfStayRecord> lengthOfStay(LocalDate from, LocalDate to, Long wardId) {
        return audited(AuditAction.READ, "length-of-stay", from, to, wardId, losRows(from, to, wardId));
    }

    /** Admissions, discharges and transfers per day, summed over the wards (or of one ward), every day listed. */
    @RolesAllowed({Roles.ADMIN, Roles.NURSE, Roles.PHYSICIAN})
    @Audited(action = AuditAction.READ, resource = RESOURCE)
    public List<DailyMovementRecord> dailyMovements(LocalDate from, LocalDate to, Long wardId) {
        return audited(AuditAction.READ, "admissions-discharges", from, to, wardId, movementRows(from, to, wardId));
    }

    /** One of the reports as CSV ({@link CensusCsv}), audited as an export. */
    @RolesAllowed({Roles.ADMIN, Roles.NURSE, Roles.PHYSICIAN})
    @Audited(action = AuditAction.EXPORT, resource = RESOURCE)
    public String csv(CensusCsv.Report report, LocalDate from, LocalDate to, Long wardId) {
        if (report == null) {
            throw InvalidInputException.of("report", "choose the report to export");
        }
        String csv = switch (report) {
            case CENSUS -> CensusCsv.census(censusRows(from, to, wardId));
            case LENGTH_OF_STAY -> CensusCsv.lengthOfStay(losRows(from, to, wardId));
            case MOVEMENTS -> CensusCsv.movements(movementRows(from, to, wardId));
        };
        return audited(AuditAction.EXPORT, report.fileStem(), from, to, wardId, csv);
    }

    // ---------------------------------------------------------------- the reports

    private List<CensusRecord> censusRows(LocalDate from, LocalDate to, Long wardId) {
        Period p = period(from, to);
        Map<Long, WardOption> wards = wardsFor(wardId);
        List<CensusCalculator.WardFact> facts = ledger.wards().stream()
                .filter(w -> wards.containsKey(w.wardId())).toList();
        ledger.ensure(p.from(), p.to(), facts, null, clock.instant(), p.zone());
        if (p.to().isBefore(p.from())) {
            return List.of();
        }
        return em.createQuery("select c from WardCensus c where c.id.censusDate between :from and :to"
                        + " and c.id.wardId in :wards", WardCensus.class)
                .setParameter("from", p.from()).setParameter("to", p.to())
                .setParameter("wards", List.copyOf(wards.keySet()))
                .getResultStream()
                .map(c -> CensusRecord.of(c, wards.get(c.getId().getWardId())))
                .sorted(Comparator.comparing(CensusRecord::date).thenComparing(CensusRecord::wardCode))
                .toList();
    }

    private List<DailyMovementRecord> movementRows(LocalDate from, LocalDate to, Long wardId) {
        Map<LocalDate, int[]> byDay = new TreeMap<>();
        Period p = period(from, to);
        for (LocalDate day = p.from(); !day.isAfter(p.to()); day = day.plusDays(1)) {
            byDay.put(day, new int[5]);
        }
        for (CensusRecord r : censusRows(from, to, wardId)) {
            int[] sums = byDay.get(r.date());
            sums[0] += r.admissions();
            sums[1] += r.discharges();
            sums[2] += r.transfersIn();
            sums[3] += r.transfersOut();
            sums[4] += r.occupied();
        }
        List<DailyMovementRecord> rows = new ArrayList<>();
        byDay.forEach((day, s) -> rows.add(new DailyMovementRecord(day, s[0], s[1], s[2], s[3], s[4])));
        return rows;
    }

    private List<LengthOfStayRecord> losRows(LocalDate from, LocalDate to, Long wardId) {
        Period p = period(from, to);
        Map<Long, WardOption> all = wardsFor(null);
        if (wardId != null && !all.containsKey(wardId)) {
            throw new NotFoundException("Ward", wardId);
        }
        // each discharged admission with the ward of its last bed
        List<Object[]> discharged = em.createQuery("select a.admittedAt, a.dischargedAt, s.bed.ward.id"
                        + " from BedStay s join s.admission a where a.status = :discharged"
                        + " and a.dischargedAt >= :since and a.dischargedAt < :until"
                        + " and s.cancelled = false and s.startedAt = (select max(t.startedAt) from BedStay t"
                        + " where t.admission = a and t.cancelled = false)",
                        Object[].class)
                .setParameter("discharged", AdmissionStatus.DISCHARGED)
                .setParameter("since", CensusCalculator.startOf(p.from(), p.zone()))
                .setParameter("until", CensusCalculator.midnightEnding(p.to(), p.zone()))
                .getResultList();
        Map<Long, List<Duration>> byWard = new TreeMap<>();
        List<Duration> overall = new ArrayList<>();
        for (Object[] r : discharged) {
            Duration length = Duration.between((Instant) r[0], (Instant) r[1]);
            overall.add(length);
            byWard.computeIfAbsent((Long) r[2], w -> new ArrayList<>()).add(length);
        }
        List<LengthOfStayRecord> rows = new ArrayList<>();
        byWard.forEach((ward, lengths) -> {
            WardOption w = all.get(ward);
            if (wardId == null || wardId.equals(ward)) {
                rows.add(new LengthOfStayRecord(ward, w.code(), w.name(), lengths.size(),
                        CensusCalculator.averageDays(lengths)));
            }
        });
        if (wardId != null && rows.isEmpty()) {
            WardOption w = all.get(wardId);
            rows.add(new LengthOfStayRecord(wardId, w.code(), w.name(), 0, null));
        }
        rows.sort(Comparator.comparing(LengthOfStayRecord::wardCode));
        rows.add(new LengthOfStayRecord(null, null, null, overall.size(), CensusCalculator.averageDays(overall)));
        return rows;
    }

    // ---------------------------------------------------------------- input, audit

    record Period(LocalDate from, LocalDate to, ZoneId zone) {
    }

    /** The period asked for, its end cut at yesterday (hospital time); refused when empty, reversed or too long. */
    private Period period(LocalDate from, LocalDate to) {
        if (from == null) {
            throw InvalidInputException.of("from", "enter the first day");
        }
        if (to == null) {
            throw InvalidInputException.of("to", "enter the last day");
        }
        if (to.isBefore(from)) {
            throw InvalidInputException.of("to", "the last day must not be before the first");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw InvalidInputException.of("to", "a report covers at most " + MAX_DAYS + " days");
        }
        ZoneId zone = TimeFormat.hospitalZone();
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        if (from.isAfter(yesterday)) {
            throw InvalidInputException.of("from", "the census of a day is taken at its closing midnight: the"
                    + " latest day is yesterday, " + yesterday);
        }
        return new Period(from, to.isAfter(yesterday) ? yesterday : to, zone);
    }

    private Map<Long, WardOption> wardsFor(Long wardId) {
        Map<Long, WardOption> wards = new LinkedHashMap<>();
        for (WardOption w : wards()) {
            if (wardId == null || wardId == w.id()) {
                wards.put(w.id(), w);
            }
        }
        if (wardId != null && wards.isEmpty()) {
            throw new NotFoundException("Ward", wardId);
        }
        return wards;
    }

    /** One event for the whole report: what was read, for which days and ward; never a patient. */
    private <T> T audited(AuditAction action, String report, LocalDate from, LocalDate to, Long wardId, T result) {
        audit.recordSuccess(action, RESOURCE, report + " " + from + ".." + to
                + (wardId == null ? " all wards" : " ward " + wardId), null);
        return result;
    }
}
