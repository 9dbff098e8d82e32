package org.asclepius.hms.inpatient.census;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.asclepius.hms.inpatient.AdmissionStatus;
import org.asclepius.hms.inpatient.BedStatus;
import org.asclepius.hms.inpatient.Ward;

/**
 * Writes the census rows a period is missing, in the transaction of the service calling it. Idempotent and safe
 * in a cluster: when rows are missing it locks the wards concerned (in id order), looks again, and writes only
 * what is still missing, so a second node (or a report read at the same time) waits and then finds the rows; the
 * primary key (day, ward) refuses a duplicate whatever happens above it.
 */
@Dependent
public class CensusLedger {
    @PersistenceContext
    EntityManager em;

    /** Every ward, in id order. */
    List<CensusCalculator.WardFact> wards() {
        return em.createQuery("select w.id, w.createdAt, w.active from Ward w order by w.id", Object[].class)
                .getResultStream()
                .map(r -> new CensusCalculator.WardFact((Long) r[0], (Instant) r[1], (Boolean) r[2])).toList();
    }

    /**
     * Writes the missing rows of the days {@code from}–{@code to} for the given wards; a day whose row is written
     * while it is {@code nightlyDay} counts as the nightly census, any other as a backfill. Returns the rows written.
     */
    int ensure(LocalDate from, LocalDate to, List<CensusCalculator.WardFact> wards, LocalDate nightlyDay,
            Instant now, ZoneId zone) {
        if (wards.isEmpty() || to.isBefore(from) || missing(from, to, wards, zone).isEmpty()) {
            return 0;
        }
        for (CensusCalculator.WardFact w : wards) {
            em.find(Ward.class, w.wardId(), LockModeType.PESSIMISTIC_WRITE);
        }
        List<LocalDate> days = missing(from, to, wards, zone);
        if (days.isEmpty()) {
            return 0;
        }
        Set<String> have = existing(days.get(0), days.get(days.size() - 1), wards);
        Instant since = CensusCalculator.startOf(days.get(0), zone);
        Instant until = CensusCalculator.midnightEnding(days.get(days.size() - 1), zone);
        List<CensusCalculator.Counts> counts = CensusCalculator.census(days, wards, beds(wards), stays(since, until),
                zone);
        int written = 0;
        for (CensusCalculator.Counts c : counts) {
            if (have.add(c.date() + "|" + c.wardId())) {
                em.persist(new WardCensus(c, c.date().equals(nightlyDay) ? WardCensus.Source.NIGHTLY
                        : WardCensus.Source.BACKFILL, now));
                written++;
            }
        }
        em.flush();
        return written;
    }

    /** The days of the period on which some ward that existed then has no row, in order. */
    private List<LocalDate> missing(LocalDate from, LocalDate to, List<CensusCalculator.WardFact> wards,
            ZoneId zone) {
        Set<String> have = existing(from, to, wards);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (CensusCalculator.WardFact w : wards) {
                if (!day.isBefore(CensusCalculator.firstDay(w, zone)) && !have.contains(day + "|" + w.wardId())) {
                    days.add(day);
                    break;
                }
            }
        }
        return days;
    }

    private Set<String> existing(LocalDate from, LocalDate to, List<CensusCalculator.WardFact> wards) {
        Set<String> have = new HashSet<>();
        em.createQuery("select c.id.censusDate, c.id.wardId from WardCensus c where c.id.censusDate between :from"
                        + " and :to and c.id.wardId in :wards", Object[].class)
                .setParameter("from", from).setParameter("to", to)
                .setParameter("wards", wards.stream().map(CensusCalculator.WardFact::wardId).toList())
                .getResultStream().forEach(r -> have.add(r[0] + "|" + r[1]));
        return have;
    }

    private List<CensusCalculator.BedFact> beds(List<CensusCalculator.WardFact> wards) {
        return em.createQuery("select b.ward.id, b.createdAt, b.status from Bed b where b.ward.id in :wards",
                        Object[].class)
                .setParameter("wards", wards.stream().map(CensusCalculator.WardFact::wardId).toList())
                .getResultStream()
                .map(r -> new CensusCalculator.BedFact((Long) r[0], (Instant) r[1], r[2] == BedStatus.BLOCKED))
                .toList();
    }

    /**
     * Every stay of each admission (not cancelled) that had a stay in a bed some time in [since, until): all its
     * stays, also earlier ones and those in other wards, so that its movements can be told apart.
     */
    List<CensusCalculator.Stay> stays(Instant since, Instant until) {
        return em.createQuery("select s.admission.id, s.bed.ward.id, s.startedAt, s.endedAt, s.admission.status"
                        + " from BedStay s where s.admission.status <> :cancelled and s.cancelled = false"
                        + " and s.admission.id in"
                        + " (select t.admission.id from BedStay t where t.cancelled = false and t.startedAt < :until"
                        + " and (t.endedAt is null or t.endedAt >= :since))", Object[].class)
                .setParameter("cancelled", AdmissionStatus.CANCELLED)
                .setParameter("since", since).setParameter("until", until)
                .getResultStream()
                .map(r -> new CensusCalculator.Stay((Long) r[0], (Long) r[1], (Instant) r[2], (Instant) r[3],
                        r[4] == AdmissionStatus.DISCHARGED))
                .toList();
    }
}
