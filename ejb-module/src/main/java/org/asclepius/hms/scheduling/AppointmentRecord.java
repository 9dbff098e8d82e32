package org.asclepius.hms.scheduling;

import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.PatientScoped;

/** An appointment as screens and the API show it. */
public record AppointmentRecord(long id, long version, long patient, String patientName, String mrn,
        String serviceCode, String serviceName, Instant start, Instant end, AppointmentStatus status,
        List<ResourceRef> resources, String note, String cancelReason, String overbookReason, String overlapReason,
        Long seriesId, Integer occurrence, Instant offerExpiresAt) implements PatientScoped, Serializable {

    static AppointmentRecord of(Appointment a) {
        Patient p = a.getPatient();
        return new AppointmentRecord(a.getId(), a.getVersion(), p.getId(), p.getFamilyName() + ", " + p.getGivenName(),
                p.getMrn(), a.getService().getCode(), a.getService().getName(), a.getStartsAt(), a.getEndsAt(),
                a.getStatus(), a.getResources().stream().map(ResourceRef::of)
                        .sorted(Comparator.comparing(ResourceRef::kind).thenComparing(ResourceRef::name)).toList(),
                a.getNote(), a.getCancelReason(), a.getOverbookReason(), a.getOverlapReason(),
                a.getSeries() == null ? null : a.getSeries().getId(), a.getOccurrence(), a.getOfferExpiresAt());
    }

    @Override
    public long patientId() {
        return patient;
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }

    public String resourceNames() {
        return String.join(", ", resources.stream().map(ResourceRef::name).toList());
    }
}
