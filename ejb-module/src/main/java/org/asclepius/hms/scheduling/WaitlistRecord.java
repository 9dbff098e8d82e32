package org.asclepius.hms.scheduling;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.PatientScoped;

/** A waitlist entry and, while it has one, the slot offered to the patient. */
public record WaitlistRecord(long id, long version, long patient, String patientName, String mrn,
        String serviceCode, String serviceName, Long wantedResourceId, String wantedResourceName, LocalDate earliest,
        LocalDate latest, WaitlistStatus status, String note, Instant since, AppointmentRecord offer)
        implements PatientScoped, Serializable {

    static WaitlistRecord of(WaitlistEntry e) {
        Patient p = e.getPatient();
        AppointmentRecord offer = e.getStatus() == WaitlistStatus.OFFERED && e.getOffer() != null
                ? AppointmentRecord.of(e.getOffer()) : null;
        return new WaitlistRecord(e.getId(), e.getVersion(), p.getId(), p.getFamilyName() + ", " + p.getGivenName(),
                p.getMrn(), e.getService().getCode(), e.getService().getName(),
                e.getResource() == null ? null : e.getResource().getId(),
                e.getResource() == null ? null : e.getResource().getName(), e.getEarliest(), e.getLatest(),
                e.getStatus(), e.getNote(), e.getCreatedAt(), offer);
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
