package org.asclepius.hms.inpatient;

import java.io.Serializable;
import java.time.Instant;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.PatientScoped;

/**
 * An admission as screens and the API show it, with the bed the patient is in now (null once discharged), the
 * ward's department, the attending, and the expected return while on leave.
 */
public record AdmissionRecord(long id, long version, long patient, String patientName, String mrn, long encounterId,
        AdmissionSource source, AdmissionStatus status, String reason, Long bedId, String bed, Instant admittedAt,
        Instant dischargedAt, String disposition, String department, String attending, Instant leaveUntil,
        String dischargeSummary) implements PatientScoped, Serializable {

    static AdmissionRecord of(Admission a, Bed current) {
        Patient p = a.getPatient();
        return new AdmissionRecord(a.getId(), a.getVersion(), p.getId(), p.getFamilyName() + ", " + p.getGivenName(),
                p.getMrn(), a.getEncounter().getId(), a.getSource(), a.getStatus(), a.getReason(),
                current == null ? null : current.getId(), current == null ? null : current.name(), a.getAdmittedAt(),
                a.getDischargedAt(), a.getDisposition(), a.getEncounter().getDepartment(),
                a.getEncounter().getAttending(), a.getLeaveUntil(), a.getDischargeSummary());
    }

    @Override
    public long patientId() {
        return patient;
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }
}
