package org.asclepius.hms.clinical.vitals;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import org.asclepius.hms.shared.PatientScoped;

/** A vital sign as screens and the API read it. */
public record ObservationRecord(long id, long patientId, long encounterId, long panelId, VitalSign kind,
        BigDecimal value, BigDecimal secondValue, String unit, boolean derived, Instant effectiveAt,
        Observation.Status status, String errorReason, String recordedBy, Instant recordedAt, long version)
        implements PatientScoped, Serializable {

    static ObservationRecord of(Observation o) {
        return new ObservationRecord(o.getId(), o.getPatient().getId(), o.getEncounter().getId(), o.getPanelId(),
                o.getKind(), o.getValue(), o.getSecondValue(), o.getUnit(), o.isDerived(), o.getEffectiveAt(),
                o.getStatus(), o.getErrorReason(), o.getCreatedBy(), o.getCreatedAt(), o.getVersion());
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }

    /** The value as people read it: "120/80 mmHg", "37.2 °C", "104 mmHg systolic" (triage takes only that). */
    public String display() {
        String v = value.setScale(kind.scale(), java.math.RoundingMode.HALF_UP).toPlainString();
        if (secondValue != null) {
            v += "/" + secondValue.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        String unit = " " + kind.unitLabel();
        return kind == VitalSign.BLOOD_PRESSURE && secondValue == null ? v + unit + " systolic" : v + unit;
    }

    public boolean enteredInError() {
        return status == Observation.Status.ENTERED_IN_ERROR;
    }
}
