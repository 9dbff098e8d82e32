package org.asclepius.hms.clinical.problems;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A problem or diagnosis as a clinician enters it: the ICD-10-CM code, the encounter (required for a diagnosis,
 * with its rank), onset, clinical status, verification and a note.
 */
public record ConditionEntry(ConditionCategory category, Long encounterId, String icd10Code, LocalDate onsetDate,
        ClinicalStatus clinicalStatus, Verification verification, DiagnosisRank rank, String note)
        implements Serializable {
}
