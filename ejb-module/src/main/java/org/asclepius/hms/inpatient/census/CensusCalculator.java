package org.asclepius.hms.inpatient.census;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The census arithmetic, pure (no database, no container): which patients were in a ward's beds at the midnight
 * that ends a day, and how many came and went during it, from the history of bed stays.
 *
 * <p>A day is a local date of the hospital's zone, from its 00:00 to the next 00:00 (23 or 25 hours on the days the
 * clocks change). The movements of an admission follow from its stays in time order: its first stay starting is
 * the <em>admission</em> (to that stay's ward); a stay starting in another ward than the stay before it is a
 * <em>transfer</em> out of the one and into the other (a move between beds of one ward is neither); the last stay
 * ending when the admission is discharged is the <em>discharge</em> (from that stay's ward). Occupied at the
 * closing midnight are the stays that began before it and had not ended before it: a patient on leave of absence
 * keeps the bed (the stay stays open), so is counted.
 */
public final class CensusCalculator {
    /** A patient in a bed of a ward from a time until a time (null: still there). */
    public record Stay(long admissionId, long wardId, Instant start, Instant end, boolean discharged) {
    }

    /** A bed of a ward: when it was set up, and whether it is blocked (out of use). */
    public record BedFact(long wardId, Instant createdAt, boolean blocked) {
    }

    /** A ward: when it was set up and whether it is open. */
    public record WardFact(long wardId, Instant createdAt, boolean active) {
    }

    /** One ward's census of one day. */
    public record Counts(LocalDate date, long wardId, int beds, int bedsAvailable, int occupied, int admissions,
            int discharges, int transfersIn, int transfersOut) {
    }

    enum Movement { ADMISSION, DISCHARGE, TRANSFER_IN, TRANSFER_OUT }

    record Event(Movement movement, long wardId, Instant at) {
    }

    private CensusCalculator() {
    }

    public static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The midnight that ends the day: the instant the census of the day is taken. */
    public static Instant midnightEnding(LocalDate day, ZoneId zone) {
        return startOf(day.plusDays(1), zone);
    }

    /** The first day a ward has a census: the day it was set up. */
    public static LocalDate firstDay(WardFact ward, ZoneId zone) {
        return LocalDate.ofInstant(ward.createdAt(), zone);
    }

    /**
     * The census of each ward for each day of {@code days}, for the wards that existed on that day. {@code stays}
     * must hold every stay of each admission concerned (also those in other wards and outside the days), so that
     * an admission is told from a transfer.
     */
    public static List<Counts> census(List<LocalDate> days, List<WardFact> wards, List<BedFact> beds,
            List<Stay> stays, ZoneId zone) {
        List<Event> events = movements(stays);
        Map<Long, List<BedFact>> bedsByWard = beds.stream().collect(Collectors.groupingBy(BedFact::wardId));
        Map<Long, List<Stay>> staysByWard = stays.stream().collect(Collectors.groupingBy(Stay::wardId));
        Map<Long, List<Event>> eventsByWard = events.stream().collect(Collectors.groupingBy(Event::wardId));
        List<Counts> result = new ArrayList<>();
        for (LocalDate day : days) {
            Instant from = startOf(day, zone);
            Instant midnight = midnightEnding(day, zone);
            for (WardFact ward : wards) {
                if (day.isBefore(firstDay(ward, zone))) {
                    continue;
                }
                int bedCount = 0;
                int available = 0;
                for (BedFact bed : bedsByWard.getOrDefault(ward.wardId(), List.of())) {
                    if (bed.createdAt().isBefore(midnight)) {
                        bedCount++;
                        if (ward.active() && !bed.blocked()) {
                            available++;
                        }
                    }
                }
                int occupied = (int) staysByWard.getOrDefault(ward.wardId(), List.of()).stream()
                        .filter(s -> occupiedAt(s, midnight)).count();
                int[] moved = new int[Movement.values().length];
                for (Event e : eventsByWard.getOrDefault(ward.wardId(), List.of())) {
                    if (!e.at().isBefore(from) && e.at().isBefore(midnight)) {
                        moved[e.movement().ordinal()]++;
                    }
                }
                result.add(new Counts(day, ward.wardId(), bedCount, available, occupied,
                        moved[Movement.ADMISSION.ordinal()], moved[Movement.DISCHARGE.ordinal()],
                        moved[Movement.TRANSFER_IN.ordinal()], moved[Movement.TRANSFER_OUT.ordinal()]));
            }
        }
        return result;
    }

    /**
     * In a bed at the close of the day that ends at {@code midnight}: after every movement of the day and before
     * any of the next (a movement at 00:00 exactly belongs to the day it begins), so that each day's count is the
     * day before's plus who came and minus who left.
     */
    static boolean occupiedAt(Stay s, Instant midnight) {
        return s.start().isBefore(midnight) && (s.end() == null || !s.end().isBefore(midnight));
    }

    /** The admissions, transfers and discharges the stays stand for. */
    static List<Event> movements(List<Stay> stays) {
        Map<Long, List<Stay>> byAdmission = stays.stream().sorted(Comparator.comparing(Stay::start))
                .collect(Collectors.groupingBy(Stay::admissionId, LinkedHashMap::new, Collectors.toList()));
        List<Event> events = new ArrayList<>();
        for (List<Stay> path : byAdmission.values()) {
            Stay first = path.get(0);
            events.add(new Event(Movement.ADMISSION, first.wardId(), first.start()));
            for (int i = 1; i < path.size(); i++) {
                Stay before = path.get(i - 1);
                Stay now = path.get(i);
                if (before.wardId() != now.wardId()) {
                    events.add(new Event(Movement.TRANSFER_OUT, before.wardId(), now.start()));
                    events.add(new Event(Movement.TRANSFER_IN, now.wardId(), now.start()));
                }
            }
            Stay last = path.get(path.size() - 1);
            if (last.discharged() && last.end() != null) {
                events.add(new Event(Movement.DISCHARGE, last.wardId(), last.end()));
            }
        }
        return events;
    }

    /** Occupied beds as a percentage of the available ones, one decimal; null when none was available. */
    public static BigDecimal occupancyPercent(int occupied, int available) {
        if (available <= 0) {
            return null;
        }
        return BigDecimal.valueOf(occupied * 100L).divide(BigDecimal.valueOf(available), 1, RoundingMode.HALF_UP);
    }

    /** The mean of the lengths of stay in days (24 hours), one decimal; null for no stays. */
    public static BigDecimal averageDays(List<Duration> lengths) {
        if (lengths.isEmpty()) {
            return null;
        }
        long totalSeconds = lengths.stream().mapToLong(Duration::toSeconds).sum();
        return BigDecimal.valueOf(totalSeconds).divide(BigDecimal.valueOf(86_400L * lengths.size()), 1,
                RoundingMode.HALF_UP);
    }
}
