package org.asclepius.hms.clinical.medications;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.PatientScoped;

/** A line of the medication list as screens and the API read it. */
public record MedicationRecord(long id, long patientId, Long orderId, Code code, String display, String dose,
        String route, String frequency, Medication.Source source, Medication.Status status, LocalDate startedOn,
        Instant stoppedAt, String stoppedBy, String stopReason, String recordedBy, Instant recordedAt, long version)
        implements PatientScoped, Serializable {

    /**
     * From a query's columns ({@code select new}, see {@link MedicationRepository}): read so, nothing enters the
     * persistence context. A line reported without a code has none.
     */
    public MedicationRecord(long id, long patientId, Long orderId, String codeSystem, String code, String display,
                            String dose, String route, String frequency, Medication.Source source,
                            Medication.Status status, LocalDate startedOn, Instant stoppedAt, String stoppedBy,
                            String stopReason, String recordedBy, Instant recordedAt, long version) {
        this(id, patientId, orderId, code == null ? null : new Code(codeSystem, code, display), display, dose, route,
                frequency, source, status, startedOn, stoppedAt, stoppedBy, stopReason, recordedBy, recordedAt,
                version);
    }

    public static MedicationRecord of(Medication m) {
        return new MedicationRecord(m.getId(), m.getPatient().getId(),
                m.getOrder() == null ? null : m.getOrder().getId(), m.getCode(), m.getDisplay(), m.getDose(),
                m.getRoute(), m.getFrequency(), m.getSource(), m.getStatus(), m.getStartedOn(), m.getStoppedAt(),
                m.getStoppedBy(), m.getStopReason(), m.getCreatedBy(), m.getCreatedAt(), m.getVersion());
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }

    public boolean active() {
        return status == Medication.Status.ACTIVE;
    }

    /** "Lisinopril 10 MG Oral Tablet — 1 tablet, oral, once daily". */
    public String summary() {
        StringBuilder s = new StringBuilder(display);
        String how = String.join(", ", java.util.stream.Stream.of(dose, route, frequency)
                .filter(x -> x != null && !x.isBlank()).toList());
        if (!how.isEmpty()) {
            s.append(" — ").append(how);
        }
        return s.toString();
    }
}
