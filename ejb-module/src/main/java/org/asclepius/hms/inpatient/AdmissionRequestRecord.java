package org.asclepius.hms.inpatient;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.PatientScoped;

/** A request for a bed as the bed manager's worklist shows it, with the patient's banner data. */
public record AdmissionRequestRecord(long id, long version, long patient, String patientName, String mrn, Sex sex,
        LocalDate birthDate, AdmissionSource source, AdmissionPriority priority, String reason, Long wardId,
        String ward, BedKind bedKind, String attending, LocalDate plannedFor, AdmissionRequestStatus status,
        Long reservedBedId, String reservedBed, Long encounterId, Long admissionId, String closedReason,
        Instant requestedAt, String requestedBy) implements PatientScoped, Serializable {

    static AdmissionRequestRecord of(AdmissionRequest r) {
        Patient p = r.getPatient();
        Bed reserved = r.getReservedBed();
        return new AdmissionRequestRecord(r.getId(), r.getVersion(), p.getId(),
                p.getFamilyName() + ", " + p.getGivenName(), p.getMrn(), p.getSex(), p.getBirthDate(), r.getSource(),
                r.getPriority(), r.getReason(), r.getWard() == null ? null : r.getWard().getId(),
                r.getWard() == null ? null : r.getWard().getCode(), r.getBedKind(), r.getAttending(),
                r.getPlannedFor(), r.getStatus(), reserved == null ? null : reserved.getId(),
                reserved == null ? null : reserved.name(), r.getEncounter() == null ? null : r.getEncounter().getId(),
                r.getAdmission() == null ? null : r.getAdmission().getId(), r.getClosedReason(), r.getCreatedAt(),
                r.getCreatedBy());
    }

    /** An elective case planned ahead (ADT A05 went out). */
    public boolean preAdmission() {
        return encounterId != null;
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
