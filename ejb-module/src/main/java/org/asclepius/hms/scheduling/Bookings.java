package org.asclepius.hms.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.TimeFormat;

/**
 * The one place where appointments take and give back slots. A placement is checked completely before anything
 * is written: the service's resources, working time, blocks, the patient's other appointments, and the free lanes
 * of every slot. The slot rows are locked in id order first (two nodes booking the same slot queue on the row
 * lock), so the lane count read afterwards is the committed truth; the database's unique (slot, lane) refuses a
 * second holder of a lane whatever happens above it.
 */
@ApplicationScoped
public class Bookings {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    /** Where an appointment would go and which lane of each slot it takes. */
    public record Placement(ServiceType service, Instant start, Instant end, Set<SchedulableResource> resources,
            Map<Slot, Integer> lanes, String overbookReason, String overlapReason) {
    }

    public ServiceType service(String code) {
        ServiceType service = code == null ? null : em.find(ServiceType.class, code.trim());
        if (service == null || !service.isActive()) {
            throw InvalidInputException.of("serviceCode", "is not a service that can be booked");
        }
        return service;
    }

    /**
     * Refuses at once, without waiting for any lock, a time whose slots are already full as last committed: when
     * many clerks or systems race for one slot, the losers learn it immediately instead of queueing on the slot's
     * row lock. Only a shortcut: {@link #check} under the locks decides.
     */
    public void refuseIfFull(ServiceType service, Instant start, Set<SchedulableResource> resources) {
        if (start == null) {
            return;
        }
        Instant end = start.plus(Duration.ofMinutes(service.getDurationMinutes()));
        // values only, no entities: the locking read in check() must load the slots fresh
        List<Object[]> slots = em.createQuery("select s.resource.id, s.startsAt, s.booked, s.status from Slot s"
                        + " where s.resource in :resources and s.startsAt < :end and s.endsAt > :start"
                        + " order by s.startsAt", Object[].class)
                .setParameter("resources", resources).setParameter("start", start).setParameter("end", end)
                .getResultList();
        for (SchedulableResource r : resources) {
            List<Object[]> mine = slots.stream().filter(row -> r.getId().equals(row[0])).toList();
            if (mine.isEmpty() || !start.equals(mine.get(0)[1])
                    || mine.stream().anyMatch(row -> row[3] == SlotStatus.BLOCKED)) {
                return; // not a plain "full" case: the check under the locks explains what is wrong
            }
        }
        for (Object[] row : slots) {
            if ((Integer) row[2] >= service.getMaxPerSlot()) {
                SchedulableResource r = resources.stream().filter(x -> x.getId().equals(row[0])).findFirst()
                        .orElseThrow();
                throw full(r, (Instant) row[1], service);
            }
        }
    }

    private static SlotConflictException full(SchedulableResource r, Instant at, ServiceType service) {
        return new SlotConflictException(r.getName() + " is already booked at " + time(at)
                + (service.getMaxPerSlot() > 1 ? " (" + service.getName() + " allows " + service.getMaxPerSlot()
                + " per slot)" : "") + ". Choose another time.");
    }

    /** The patient, locked so that two bookings of one patient at once see each other. */
    public Patient lockPatient(long patientId) {
        Patient patient = em.find(Patient.class, patientId, LockModeType.PESSIMISTIC_WRITE);
        if (patient == null) {
            throw new NotFoundException("Patient", patientId);
        }
        if (patient.getMergedInto() != null) {
            throw InvalidInputException.of("patientId", "this record was merged into MRN "
                    + patient.getMergedInto().getMrn() + "; book the surviving record");
        }
        return patient;
    }

    /** The resources named for a booking: one of each kind the service needs, each offering it. */
    public Set<SchedulableResource> resources(ServiceType service, List<Long> ids) {
        Map<ResourceKind, SchedulableResource> byKind = new EnumMap<>(ResourceKind.class);
        for (Long id : ids == null ? List.<Long>of() : ids) {
            SchedulableResource r = id == null ? null : em.find(SchedulableResource.class, id);
            if (r == null) {
                throw InvalidInputException.of("resourceIds", "resource " + id + " does not exist");
            }
            if (!r.isActive() || !service.getResources().contains(r)) {
                throw InvalidInputException.of("resourceIds", r.getName() + " does not offer " + service.getName());
            }
            if (byKind.put(r.getKind(), r) != null) {
                throw InvalidInputException.of("resourceIds", "choose one " + r.getKind().label().toLowerCase()
                        + " only");
            }
        }
        for (ResourceKind kind : service.requiredKinds()) {
            if (!byKind.containsKey(kind)) {
                throw InvalidInputException.of("resourceIds", service.getName() + " needs a "
                        + kind.label().toLowerCase());
            }
        }
        if (byKind.size() != service.requiredKinds().size()) {
            throw InvalidInputException.of("resourceIds", service.getName() + " needs only "
                    + service.requiredKinds().stream().map(k -> k.label().toLowerCase()).toList());
        }
        return new LinkedHashSet<>(byKind.values());
    }

    /**
     * Checks a placement and locks its slots, without writing anything: throws a clear exception when the time is
     * in the past, outside working hours, blocked, full, or overlaps the patient's other appointments without a
     * reason. {@code moving} are the appointments being moved (their times do not count against the patient; their
     * slots must have been released first).
     */
    public Placement check(Patient patient, ServiceType service, Instant start, Set<SchedulableResource> resources,
            String overbookReason, String overlapReason, java.util.Collection<Long> moving) {
        if (start == null) {
            throw InvalidInputException.of("start", "choose the time");
        }
        if (start.isBefore(clock.instant())) {
            throw InvalidInputException.of("start", "is in the past (" + when(start) + "); choose a later time");
        }
        Instant end = start.plus(Duration.ofMinutes(service.getDurationMinutes()));
        List<Long> resourceIds = resources.stream().map(SchedulableResource::getId).toList();
        List<Slot> slots = em.createQuery("select s from Slot s where s.resource.id in :resources"
                        + " and s.startsAt < :end and s.endsAt > :start order by s.id", Slot.class)
                .setParameter("resources", resourceIds).setParameter("start", start).setParameter("end", end)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Map<Slot, Integer> lanes = new HashMap<>();
        Map<Long, Set<Integer>> taken = takenLanes(slots);
        boolean overbooked = false;
        for (SchedulableResource r : resources) {
            List<Slot> mine = slots.stream().filter(s -> s.getResource().getId().equals(r.getId()))
                    .sorted(Comparator.comparing(Slot::getStartsAt)).toList();
            checkCovered(r, mine, start, end);
            for (Slot s : mine) {
                int lane = 1;
                Set<Integer> used = taken.getOrDefault(s.getId(), Set.of());
                while (used.contains(lane)) {
                    lane++;
                }
                if (lane > service.getMaxPerSlot()) {
                    throw full(r, s.getStartsAt(), service);
                }
                overbooked |= lane > 1;
                lanes.put(s, lane);
            }
        }
        if (overbooked && blank(overbookReason)) {
            throw new OverrideRequiredException(OverrideRequiredException.OVERBOOK, "This time is already booked. "
                    + service.getName() + " may be overbooked up to " + service.getMaxPerSlot() + " per slot ("
                    + service.getOverbookPolicy() + "): give a reason to overbook.");
        }
        List<Appointment> clashes = em.createQuery("select a from Appointment a where a.patient = :patient"
                        + " and a.status in :holding and a.startsAt < :end and a.endsAt > :start"
                        + " order by a.startsAt", Appointment.class)
                .setParameter("patient", patient).setParameter("holding", holding())
                .setParameter("start", start).setParameter("end", end)
                .getResultStream().filter(a -> !moving.contains(a.getId())).toList();
        if (!clashes.isEmpty() && blank(overlapReason)) {
            Appointment other = clashes.get(0);
            throw new OverrideRequiredException(OverrideRequiredException.OVERLAP, "The patient already has "
                    + other.getService().getName() + " at " + when(other.getStartsAt()) + " until "
                    + time(other.getEndsAt()) + ". Give a reason to book both.");
        }
        return new Placement(service, start, end, resources, lanes, overbooked ? overbookReason.trim() : null,
                clashes.isEmpty() ? null : overlapReason.trim());
    }

    /** Places the appointment (storing it if it is new) and takes the placement's lanes for it. */
    public void hold(Appointment appointment, Placement p) {
        appointment.place(p.start(), p.end(), p.resources(), p.overbookReason(), p.overlapReason());
        if (appointment.getId() == null) {
            em.persist(appointment);
        }
        p.lanes().forEach((slot, lane) -> {
            slot.hold();
            em.persist(new AppointmentSlot(appointment, slot, lane));
        });
        em.flush();
    }

    /** Gives back every slot the appointment holds; returns the slots freed. */
    public List<Slot> release(Appointment appointment) {
        List<AppointmentSlot> holds = em.createQuery("select h from AppointmentSlot h join fetch h.slot"
                        + " where h.appointment = :a order by h.slot.id", AppointmentSlot.class)
                .setParameter("a", appointment).getResultList();
        List<Slot> freed = new ArrayList<>();
        for (AppointmentSlot h : holds) {
            Slot slot = em.find(Slot.class, h.getSlot().getId(), LockModeType.PESSIMISTIC_WRITE);
            slot.release();
            em.remove(h);
            freed.add(slot);
        }
        em.flush();
        return freed;
    }

    private Map<Long, Set<Integer>> takenLanes(List<Slot> slots) {
        Map<Long, Set<Integer>> taken = new HashMap<>();
        if (slots.isEmpty()) {
            return taken;
        }
        em.createQuery("select h.slot.id, h.lane from AppointmentSlot h where h.slot in :slots", Object[].class)
                .setParameter("slots", slots).getResultList()
                .forEach(row -> taken.computeIfAbsent((Long) row[0], k -> new java.util.HashSet<>())
                        .add((Integer) row[1]));
        return taken;
    }

    private void checkCovered(SchedulableResource r, List<Slot> mine, Instant start, Instant end) {
        if (!mine.isEmpty() && mine.get(0).getStartsAt().isBefore(start)) {
            throw InvalidInputException.of("start", r.getName() + "'s slots start at "
                    + time(mine.get(0).getStartsAt()) + " and every " + r.getSlotMinutes()
                    + " minutes; choose a slot start");
        }
        Instant cursor = start;
        for (Slot s : mine) {
            if (!s.getStartsAt().equals(cursor)) {
                break;
            }
            if (s.getStatus() == SlotStatus.BLOCKED) {
                throw InvalidInputException.of("start", r.getName() + " is not available at " + time(cursor)
                        + blockReason(r, cursor));
            }
            cursor = s.getEndsAt();
        }
        if (cursor.equals(start)) {
            throw InvalidInputException.of("start", when(start) + " is outside " + r.getName()
                    + "'s working hours" + blockReason(r, start) + ". Choose a time from the calendar.");
        }
        if (cursor.isBefore(end)) {
            throw InvalidInputException.of("start", "the service does not fit: " + r.getName() + "'s working time"
                    + " ends at " + time(cursor) + blockReason(r, cursor));
        }
    }

    private String blockReason(SchedulableResource r, Instant at) {
        return em.createQuery("select e from ScheduleException e where e.resource = :r and e.startsAt <= :at"
                        + " and e.endsAt > :at order by e.startsAt", ScheduleException.class)
                .setParameter("r", r).setParameter("at", at).setMaxResults(1).getResultStream()
                .map(e -> " (" + e.getKind().label().toLowerCase() + ": " + e.getReason() + ")")
                .findFirst().orElse("");
    }

    static List<AppointmentStatus> holding() {
        return List.of(AppointmentStatus.PROPOSED, AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN);
    }

    static String when(Instant t) {
        return WHEN.format(t.atZone(zone()));
    }

    static String time(Instant t) {
        return TIME.format(t.atZone(zone()));
    }

    static ZoneId zone() {
        return TimeFormat.hospitalZone();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
