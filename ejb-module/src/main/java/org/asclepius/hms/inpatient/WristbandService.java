package org.asclepius.hms.inpatient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.PatientScoped;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.shared.TimeFormat;

/** Prints the wristband of an admitted patient (name, MRN, date of birth, bed and a barcode of the MRN). */
@Stateless
@Audited(resource = "Wristband")
public class WristbandService {
    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    BedAllocation beds;

    /** The PDF for an open admission; printing one is audited like any read of the patient. */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.READ, resource = "Wristband")
    public Pdf forAdmission(long admissionId) {
        Admission admission = em.find(Admission.class, admissionId);
        if (admission == null) {
            throw new NotFoundException("Admission", admissionId);
        }
        if (!admission.getStatus().open()) {
            throw new DomainException("The admission has ended; a wristband is printed for admitted patients only.");
        }
        Patient p = admission.getPatient();
        if (p.getBirthDate() == null) {
            throw new DomainException("The patient has no date of birth on record; complete the registration"
                    + " (or print the temporary band of an unidentified patient) first.");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), TimeFormat.hospitalZone());
        String bed = beds.currentStay(admission).map(s -> s.getBed().name()).orElse(null);
        byte[] pdf = Wristband.pdf(new Wristband.Content(p.getFamilyName(), p.getGivenName(), p.getMrn(),
                p.getBirthDate(), Period.between(p.getBirthDate(), today).getYears(),
                p.getSex() == null ? "" : p.getSex().name().toLowerCase(Locale.ROOT), bed,
                LocalDate.ofInstant(admission.getAdmittedAt(), TimeFormat.hospitalZone())));
        return new Pdf(p.getId(), "wristband-" + p.getMrn() + ".pdf", pdf);
    }

    /** A printable document about one patient. */
    public record Pdf(long patientId, String fileName, byte[] content) implements PatientScoped, Serializable {
    }
}
