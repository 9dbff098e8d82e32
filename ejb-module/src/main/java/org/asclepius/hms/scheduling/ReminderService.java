package org.asclepius.hms.scheduling;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.integration.Outbox;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.PatientScoped;
import org.asclepius.hms.shared.Roles;

/**
 * A patient's choice about appointment reminders. Opting out cancels the reminders still waiting to go out;
 * opting in again applies to appointments booked or moved from then on.
 */
@Stateless
@Audited(resource = "ReminderPreference")
public class ReminderService {
    @PersistenceContext
    EntityManager em;
    @Inject
    Reminders reminders;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;

    /** Whether the patient gets reminders. */
    public record Preference(long patient, boolean optedOut) implements PatientScoped, Serializable {
        @Override
        public long patientId() {
            return patient;
        }
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.READ, resource = "ReminderPreference")
    public Preference preference(@PatientRef long patientId) {
        return new Preference(patientId, reminders.optedOut(patient(patientId)));
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "ReminderPreference")
    public Preference optOut(@PatientRef long patientId) {
        Patient p = patient(patientId);
        if (!reminders.optedOut(p)) {
            em.persist(new ReminderOptOut(p, caller(), clock.instant()));
            em.createQuery("select a from Appointment a where a.patient = :p and a.startsAt > :now",
                            Appointment.class)
                    .setParameter("p", p).setParameter("now", clock.instant())
                    .getResultStream()
                    .forEach(a -> outbox.cancelPending(Reminders.reference(a), Reminders.REMINDER, caller()));
        }
        return new Preference(patientId, true);
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "ReminderPreference")
    public Preference optIn(@PatientRef long patientId) {
        Patient p = patient(patientId);
        em.createQuery("delete from ReminderOptOut o where o.patient = :p").setParameter("p", p).executeUpdate();
        return new Preference(patientId, false);
    }

    private Patient patient(long id) {
        Patient p = em.find(Patient.class, id);
        if (p == null) {
            throw new NotFoundException("Patient", id);
        }
        return p;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
