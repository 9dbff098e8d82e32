package org.asclepius.hms.scheduling;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InputValidator;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;

/**
 * The waitlist: patients waiting for a service (a given resource or any) between two dates, in the order they
 * asked. A freed slot is offered to the first who fits ({@link AppointmentLifecycle#offerFreed}); staff take the
 * patient's answer here, and an offer nobody answered lapses after {@code hms.waitlist.offer-hold} and goes on to
 * the next patient.
 */
@Stateless
@Audited(resource = "WaitlistEntry")
public class WaitlistService {
    @PersistenceContext
    EntityManager em;
    @Inject
    Bookings bookings;
    @Inject
    AppointmentLifecycle lifecycle;
    @Inject
    Reminders reminders;
    @Inject
    InputValidator validator;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.CREATE, resource = "WaitlistEntry")
    public WaitlistRecord add(WaitlistData data) {
        validator.validate(data);
        ServiceType service = bookings.service(data.getServiceCode());
        Patient patient = bookings.lockPatient(data.getPatientId());
        SchedulableResource resource = null;
        if (data.getResourceId() != null) {
            resource = em.find(SchedulableResource.class, data.getResourceId());
            if (resource == null || !service.getResources().contains(resource)) {
                throw InvalidInputException.of("resourceId", "does not offer " + service.getName());
            }
        }
        if (data.getLatest().isBefore(LocalDate.ofInstant(clock.instant(), Bookings.zone()))) {
            throw InvalidInputException.of("latest", "is in the past");
        }
        WaitlistEntry entry = new WaitlistEntry(patient, service, resource, data.getEarliest(), data.getLatest(),
                data.getNote() == null || data.getNote().isBlank() ? null : data.getNote().trim());
        entry.touch(caller(), clock.instant());
        em.persist(entry);
        return WaitlistRecord.of(entry);
    }

    /** The entries in a status (all open ones — waiting or offered — when null), in line order. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.SEARCH, resource = "WaitlistEntry")
    public List<WaitlistRecord> list(WaitlistStatus status) {
        List<WaitlistStatus> statuses = status == null ? List.of(WaitlistStatus.WAITING, WaitlistStatus.OFFERED)
                : List.of(status);
        return em.createQuery("select e from WaitlistEntry e join fetch e.patient join fetch e.service"
                        + " where e.status in :statuses order by e.createdAt, e.id", WaitlistEntry.class)
                .setParameter("statuses", statuses).getResultStream().map(WaitlistRecord::of).toList();
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.READ, resource = "WaitlistEntry")
    public WaitlistRecord get(long id) {
        return WaitlistRecord.of(find(id, null));
    }

    /** The patient takes the offered slot: the offer becomes a booked appointment (with its reminder). */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "WaitlistEntry")
    public WaitlistRecord accept(long id, long version) {
        WaitlistEntry entry = offered(id, version);
        Appointment offer = lifecycle.lock(entry.getOffer().getId(), null);
        if (!offer.getOfferExpiresAt().isAfter(clock.instant())) {
            throw new DomainException("The offer expired at " + Bookings.when(offer.getOfferExpiresAt())
                    + "; the slot has gone back to the list.");
        }
        offer.setOfferExpiresAt(null);
        lifecycle.change(offer, AppointmentStatus.BOOKED, "offer taken", caller());
        reminders.cancel(offer, caller());
        reminders.schedule(offer, caller());
        entry.booked();
        entry.touch(caller(), clock.instant());
        em.flush();
        return WaitlistRecord.of(entry);
    }

    /** The patient does not want the offered slot: it goes to the next in line; the patient keeps waiting. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "WaitlistEntry")
    public WaitlistRecord decline(long id, long version) {
        WaitlistEntry entry = offered(id, version);
        lapse(entry, "offer declined");
        em.flush();
        return WaitlistRecord.of(entry);
    }

    /** Takes the patient off the list (an offer they hold goes to the next in line). */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "WaitlistEntry")
    public WaitlistRecord remove(long id, long version) {
        WaitlistEntry entry = find(id, version);
        if (entry.getStatus() == WaitlistStatus.OFFERED) {
            lapse(entry, "removed from the waitlist");
        }
        entry.remove();
        entry.touch(caller(), clock.instant());
        em.flush();
        return WaitlistRecord.of(entry);
    }

    /** Lets every offer past its time lapse; each freed slot goes to the next in line. Returns how many lapsed. */
    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "WaitlistEntry")
    public List<WaitlistRecord> expireOffers() {
        List<WaitlistEntry> due = em.createQuery("select e from WaitlistEntry e join e.offer a"
                        + " where e.status = :offered and a.offerExpiresAt <= :now order by a.offerExpiresAt",
                        WaitlistEntry.class)
                .setParameter("offered", WaitlistStatus.OFFERED).setParameter("now", clock.instant())
                .getResultList();
        for (WaitlistEntry e : due) {
            em.lock(e, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(e);
            if (e.getStatus() == WaitlistStatus.OFFERED) {
                lapse(e, "offer expired");
            }
        }
        return due.stream().map(WaitlistRecord::of).toList();
    }

    private void lapse(WaitlistEntry entry, String reason) {
        Appointment offer = lifecycle.lock(entry.getOffer().getId(), null);
        entry.backToWaiting();
        entry.touch(caller(), clock.instant());
        lifecycle.end(offer, AppointmentStatus.CANCELLED, reason, caller(), entry.getId());
    }

    private WaitlistEntry offered(long id, long version) {
        WaitlistEntry entry = find(id, version);
        if (entry.getStatus() != WaitlistStatus.OFFERED) {
            throw new DomainException("No slot is offered to this patient at the moment.");
        }
        return entry;
    }

    private WaitlistEntry find(long id, Long version) {
        WaitlistEntry entry = em.find(WaitlistEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            throw new NotFoundException("Waitlist entry", id);
        }
        if (version != null && entry.getVersion() != version) {
            throw new ConcurrentUpdateException("The waitlist entry", entry.getUpdatedBy(), entry.getUpdatedAt());
        }
        return entry;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
