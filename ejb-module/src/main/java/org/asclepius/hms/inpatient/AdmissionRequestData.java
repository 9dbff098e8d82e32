package org.asclepius.hms.inpatient;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What a clinician asks for when a patient needs a bed: where the patient comes from, how soon, why, the ward or
 * kind of bed wanted (optional), the attending, and for an elective pre-admission the planned date (and a bed
 * to hold, optional).
 */
public record AdmissionRequestData(AdmissionSource source, AdmissionPriority priority, String reason, Long wardId,
        BedKind bedKind, String attending, LocalDate plannedFor, Long reserveBedId) implements Serializable {
}
