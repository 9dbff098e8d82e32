package org.asclepius.hms.clinical.medications;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.clinical.ClinicalContext;
import org.asclepius.hms.clinical.access.ClinicalAccess;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.CodeSystems;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.FieldErrors;
import org.asclepius.hms.shared.PatientItems;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.shared.TimeFormat;

/**
 * The medication list: lines prescribed through signed medication orders (see the order service) and medications the
 * patient reports taking; stopping a line needs a reason; a line recorded by mistake is entered in error.
 */
@Stateless
@Audited(resource = "Medication")
public class MedicationService {
    @PersistenceContext
    EntityManager em;
    @Inject
    ClinicalContext context;
    @Inject
    ClinicalAccess access;
    @Inject
    MedicationRepository repository;

    /** The list: active lines first (then stopped ones when asked), newest first. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientItems<MedicationRecord> list(@PatientRef long patientId, boolean withStopped) {
        access.require(patientId);
        return new PatientItems<>(patientId, repository.list(patientId, withStopped));
    }

    /** One line. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    public MedicationRecord find(long id) {
        return MedicationRecord.of(context.readable(Medication.class, id, "Medication", Medication::getPatient));
    }

    /** A medication the patient takes that was not prescribed here (RxNorm code optional). */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST})
    @Audited(action = AuditAction.CREATE, resource = "Medication")
    public MedicationRecord report(@PatientRef long patientId, String rxnormCode, String name, String dose,
                                   String route, String frequency, LocalDate since) {
        access.require(patientId);
        FieldErrors errors = new FieldErrors();
        String display = errors.text("name", name, 300, "enter the medication");
        String code = errors.optionalText("code", rxnormCode, 40);
        if (code != null && !code.matches("\\d{1,10}")) {
            errors.add("code", "an RxNorm code is a number (RxCUI)");
        }
        String d = errors.optionalText("dose", dose, 80);
        String r = errors.optionalText("route", route, 40);
        String f = errors.optionalText("frequency", frequency, 80);
        LocalDate today = LocalDate.ofInstant(context.now(), TimeFormat.hospitalZone());
        if (since != null && since.isAfter(today)) {
            errors.add("since", "cannot be in the future");
        }
        errors.refuseIfAny();
        Patient patient = context.writable(patientId);
        Medication m = Medication.reported(patient, code == null ? null : new Code(CodeSystems.RXNORM, code, display),
                display, d, r, f, since == null ? today : since);
        m.touch(context.caller(), context.now());
        em.persist(m);
        em.flush();
        return MedicationRecord.of(m);
    }

    /** Stops a line with the reason (a prescribed line: the prescription stays as it is; cancel it separately). */
    @RolesAllowed({Roles.PHYSICIAN})
    @Audited(action = AuditAction.UPDATE, resource = "Medication")
    public MedicationRecord stop(long id, long version, String reason) {
        return end(id, version, reason, Medication.Status.STOPPED, "say why it is stopped");
    }

    /** A line recorded by mistake: kept, marked, with the reason. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST})
    @Audited(action = AuditAction.UPDATE, resource = "Medication")
    public MedicationRecord enteredInError(long id, long version, String reason) {
        return end(id, version, reason, Medication.Status.ENTERED_IN_ERROR, "say why the line is wrong");
    }

    private MedicationRecord end(long id, long version, String reason, Medication.Status how, String missing) {
        Medication m = context.lockForChange(Medication.class, id, version, "Medication", "The medication",
                Medication::getPatient);
        if (m.getStatus() != Medication.Status.ACTIVE) {
            throw new DomainException("This medication was already " + (m.getStatus() == Medication.Status.STOPPED
                    ? "stopped" : "marked entered in error") + " (" + m.getStopReason() + ").");
        }
        FieldErrors errors = new FieldErrors();
        String why = errors.text("reason", reason, 300, missing);
        errors.refuseIfAny();
        m.stop(how, why, context.caller(), context.now());
        m.touch(context.caller(), context.now());
        em.flush();
        return MedicationRecord.of(m);
    }
}
