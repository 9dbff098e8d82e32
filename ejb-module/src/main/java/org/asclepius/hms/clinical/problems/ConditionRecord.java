package org.asclepius.hms.clinical.problems;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.PatientScoped;

/** A problem or diagnosis as screens and the API read it. */
public record ConditionRecord(long id, long patientId, Long encounterId, ConditionCategory category, Code code,
        String mappedCode, LocalDate onsetDate, LocalDate abatementDate, ClinicalStatus clinicalStatus,
        Verification verification, DiagnosisRank rank, String note, String errorReason, String recordedBy,
        Instant recordedAt, long version) implements PatientScoped, Serializable {

    /**
     * From a query's columns ({@code select new}, see {@link ConditionRepository}): read so, nothing enters the
     * persistence context.
     */
    public ConditionRecord(long id, long patientId, Long encounterId, ConditionCategory category, String codeSystem,
                           String code, String display, String mappedCode, LocalDate onsetDate,
                           LocalDate abatementDate, ClinicalStatus clinicalStatus, Verification verification,
                           DiagnosisRank rank, String note, String errorReason, String recordedBy, Instant recordedAt,
                           long version) {
        this(id, patientId, encounterId, category, new Code(codeSystem, code, display), mappedCode, onsetDate,
                abatementDate, clinicalStatus, verification, rank, note, errorReason, recordedBy, recordedAt, version);
    }

    static ConditionRecord of(Condition c) {
        return new ConditionRecord(c.getId(), c.getPatient().getId(),
                c.getEncounter() == null ? null : c.getEncounter().getId(), c.getCategory(), c.getCode(),
                c.getMappedCode(), c.getOnsetDate(), c.getAbatementDate(), c.getClinicalStatus(),
                c.getVerification(), c.getRank(), c.getNote(), c.getErrorReason(), c.getCreatedBy(),
                c.getCreatedAt(), c.getVersion());
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }

    public boolean enteredInError() {
        return verification == Verification.ENTERED_IN_ERROR;
    }
}
