package org.asclepius.hms.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps a resource's slots equal to what its working hours and exceptions say, from today to the booking horizon
 * ({@code hms.scheduling.horizon-days}, default 120). Slots that are no longer wanted disappear when nobody holds
 * them and are blocked when someone does (those appointments are then "affected" and listed for rebooking).
 * Past slots are never touched. The resource row is locked, so two nodes regenerating at once take turns.
 */
@ApplicationScoped
public class SlotMaintenance {
    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "hms.scheduling.horizon-days", defaultValue = "120")
    int horizonDays;

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Bookings.zone());
    }

    public LocalDate horizon() {
        return today().plusDays(horizonDays);
    }

    /** Regenerates the resource's slots from today to the horizon; returns the appointments now in blocked time. */
    public List<Appointment> regenerate(long resourceId) {
        SchedulableResource r = em.find(SchedulableResource.class, resourceId, LockModeType.PESSIMISTIC_WRITE);
        ZoneId zone = Bookings.zone();
        LocalDate from = today();
        LocalDate to = horizon();
        Instant windowStart = from.atStartOfDay(zone).toInstant();
        Instant windowEnd = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<WeeklyPeriod> hours = r.isActive() ? em.createQuery("select h from WorkingHours h where h.resource = :r",
                WorkingHours.class).setParameter("r", r).getResultStream().map(WorkingHours::period).toList()
                : List.of();
        List<TimeRange> exceptions = em.createQuery("select e from ScheduleException e where e.resource = :r"
                        + " and e.endsAt > :from and e.startsAt < :to", ScheduleException.class)
                .setParameter("r", r).setParameter("from", windowStart).setParameter("to", windowEnd)
                .getResultStream().map(ScheduleException::range).toList();
        List<PlannedSlot> planned = SlotPlanner.plan(hours, exceptions, zone, r.getSlotMinutes(), from, to);
        Map<Instant, Slot> existing = new HashMap<>();
        em.createQuery("select s from Slot s where s.resource = :r and s.startsAt >= :from and s.startsAt < :to"
                        + " order by s.id", Slot.class)
                .setParameter("r", r).setParameter("from", windowStart).setParameter("to", windowEnd)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().forEach(s -> existing.put(s.getStartsAt(), s));
        for (PlannedSlot p : planned) {
            Slot s = existing.remove(p.start());
            SlotStatus wanted = p.blocked() ? SlotStatus.BLOCKED : SlotStatus.OPEN;
            if (s == null) {
                em.persist(new Slot(r, p));
            } else if (!s.getEndsAt().equals(p.end()) && s.getBooked() == 0) {
                em.remove(s);
                em.flush();
                em.persist(new Slot(r, p));
            } else if (s.getStatus() != wanted) {
                s.setStatus(wanted);
            }
        }
        for (Slot unwanted : existing.values()) {
            if (unwanted.getBooked() == 0) {
                em.remove(unwanted);
            } else {
                unwanted.setStatus(SlotStatus.BLOCKED);
            }
        }
        em.flush();
        return em.createQuery("select distinct a from AppointmentSlot h join h.appointment a join h.slot s"
                        + " where s.resource = :r and s.status = :blocked and s.startsAt >= :from"
                        + " and a.status in :holding order by a.startsAt", Appointment.class)
                .setParameter("r", r).setParameter("blocked", SlotStatus.BLOCKED)
                .setParameter("from", clock.instant()).setParameter("holding", Bookings.holding())
                .getResultList();
    }
}
