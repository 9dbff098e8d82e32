package org.asclepius.hms.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Status changes of appointments shared by the appointment and waitlist services: every change writes the
 * status history; a change that gives slots back offers them to the first matching patient on the waitlist.
 */
@ApplicationScoped
public class AppointmentLifecycle {
    @PersistenceContext
    EntityManager em;
    @Inject
    Bookings bookings;
    @Inject
    Reminders reminders;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "hms.waitlist.offer-hold", defaultValue = "PT4H")
    Duration offerHold;

    /** The appointment, locked, at the version the caller saw (null: any version). */
    public Appointment lock(long id, Long version) {
        Appointment a = em.find(Appointment.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw new NotFoundException("Appointment", id);
        }
        if (version != null && a.getVersion() != version) {
            throw new ConcurrentUpdateException("The appointment", a.getUpdatedBy(), a.getUpdatedAt());
        }
        return a;
    }

    public void change(Appointment a, AppointmentStatus to, String reason, String user) {
        AppointmentStatus from = a.getStatus();
        a.setStatus(to);
        a.touch(user, clock.instant());
        em.persist(new AppointmentStatusChange(a, from, reason, user, clock.instant()));
    }

    /** Records the placement as the appointment's new time (a history line saying where it was before). */
    public void moved(Appointment a, Instant before, String reason, String user) {
        a.touch(user, clock.instant());
        em.persist(new AppointmentStatusChange(a, a.getStatus(), "moved from " + Bookings.when(before)
                + (reason == null || reason.isBlank() ? "" : ": " + reason.trim()), user, clock.instant()));
    }

    /** Cancels (or marks no-show, or lets an offer lapse), gives the slots back and offers them on. */
    public void end(Appointment a, AppointmentStatus to, String reason, String user, Long skipEntry) {
        if (!a.getStatus().holdsSlots()) {
            throw new DomainException("This appointment is already " + a.getStatus().label().toLowerCase()
                    + ".");
        }
        if (to == AppointmentStatus.CANCELLED) {
            a.setCancelReason(reason.trim());
        }
        change(a, to, reason, user);
        reminders.cancel(a, user);
        List<Slot> freed = bookings.release(a);
        offerFreed(freed, skipEntry, user);
    }

    /**
     * Offers freed slots to the first waiting patient they suit: the service is offered by the freed resources
     * (one of each kind it needs), the day is in the patient's range, the patient has nothing else then. The offer
     * is an appointment in status PROPOSED holding the slots until it is taken, declined or expires.
     */
    public void offerFreed(List<Slot> freed, Long skipEntry, String user) {
        if (freed.isEmpty()) {
            return;
        }
        Instant start = freed.stream().map(Slot::getStartsAt).min(Instant::compareTo).orElseThrow();
        if (!start.isAfter(clock.instant())) {
            return;
        }
        Set<SchedulableResource> freedResources = new HashSet<>();
        freed.forEach(s -> freedResources.add(s.getResource()));
        LocalDate day = LocalDate.ofInstant(start, Bookings.zone());
        List<WaitlistEntry> waiting = em.createQuery("select e from WaitlistEntry e where e.status = :waiting"
                        + " and e.earliest <= :day and e.latest >= :day"
                        + " and (e.resource is null or e.resource in :resources) order by e.createdAt, e.id",
                        WaitlistEntry.class)
                .setParameter("waiting", WaitlistStatus.WAITING).setParameter("day", day)
                .setParameter("resources", freedResources).getResultList();
        for (WaitlistEntry entry : waiting) {
            if (entry.getId().equals(skipEntry) || !entry.getService().isActive()) {
                continue;
            }
            Map<ResourceKind, SchedulableResource> byKind = new EnumMap<>(ResourceKind.class);
            freedResources.stream().filter(r -> entry.getService().getResources().contains(r))
                    .filter(r -> entry.getResource() == null || entry.getResource().equals(r)
                            || entry.getResource().getKind() != r.getKind())
                    .forEach(r -> byKind.putIfAbsent(r.getKind(), r));
            if (!byKind.keySet().equals(entry.getService().requiredKinds())) {
                continue;
            }
            Bookings.Placement placement;
            try {
                placement = bookings.check(entry.getPatient(), entry.getService(), start,
                        new HashSet<>(byKind.values()), null, null, Set.of());
            } catch (DomainException doesNotFit) {
                continue; // another patient may fit: the check wrote nothing
            }
            Appointment offer = new Appointment(entry.getPatient(), entry.getService(), placement.resources(),
                    AppointmentStatus.PROPOSED);
            offer.setOfferExpiresAt(clock.instant().plus(offerHold));
            offer.setNote("Offered from the waitlist");
            offer.touch(user, clock.instant());
            bookings.hold(offer, placement);
            em.persist(new AppointmentStatusChange(offer, null, "offered from the waitlist", user, clock.instant()));
            entry.offer(offer);
            entry.touch(user, clock.instant());
            reminders.offer(offer, user);
            return;
        }
    }
}
