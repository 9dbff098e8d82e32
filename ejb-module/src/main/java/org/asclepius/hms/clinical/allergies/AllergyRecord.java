package org.asclepius.hms.clinical.allergies;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.PatientScoped;

/** An allergy as screens and the API read it. */
public record AllergyRecord(long id, long patientId, Long encounterId, Code allergen, Allergy.Category category,
        Allergy.Type type, String reaction, Allergy.Severity severity, Allergy.Status status,
        Allergy.Verification verification, LocalDate onsetDate, String note, String errorReason, String recordedBy,
        Instant recordedAt, long version) implements PatientScoped, Serializable {

    static AllergyRecord of(Allergy a) {
        return new AllergyRecord(a.getId(), a.getPatient().getId(),
                a.getEncounter() == null ? null : a.getEncounter().getId(), a.getAllergen(), a.getCategory(),
                a.getType(), a.getReaction(), a.getSeverity(), a.getStatus(), a.getVerification(), a.getOnsetDate(),
                a.getNote(), a.getErrorReason(), a.getCreatedBy(), a.getCreatedAt(), a.getVersion());
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }

    /** Active and not refuted or entered in error: what the banner and prescribing checks must know. */
    public boolean current() {
        return status == Allergy.Status.ACTIVE && verification != Allergy.Verification.REFUTED
                && verification != Allergy.Verification.ENTERED_IN_ERROR;
    }

    /** "Penicillin G (severe: anaphylaxis)". */
    public String summary() {
        String detail = severity == null ? reaction : reaction == null
                ? severity.name().toLowerCase(java.util.Locale.ROOT)
                : severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + reaction;
        return allergen.display() + (detail == null ? "" : " (" + detail + ")")
                + (type == Allergy.Type.INTOLERANCE ? " — intolerance" : "");
    }
}
