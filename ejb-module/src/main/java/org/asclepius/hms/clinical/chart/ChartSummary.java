package org.asclepius.hms.clinical.chart;

import java.io.Serializable;
import java.util.List;
import org.asclepius.hms.clinical.access.AccessBasis;
import org.asclepius.hms.clinical.allergies.AllergyList;
import org.asclepius.hms.clinical.problems.ConditionRecord;
import org.asclepius.hms.clinical.medications.MedicationRecord;
import org.asclepius.hms.clinical.vitals.ObservationRecord;
import org.asclepius.hms.patient.PatientRestriction;
import org.asclepius.hms.shared.PatientScoped;

/**
 * What opening a chart shows at once: why the caller may read it, the latest vital signs, the active problems, the
 * allergies, the active medications, and the first page of the encounter timeline (newest first) with the number of
 * encounters in all.
 */
public record ChartSummary(long patientId, AccessBasis access, PatientRestriction restriction,
        List<ObservationRecord> latestVitals, List<ConditionRecord> problems, AllergyList allergies,
        List<MedicationRecord> medications, List<TimelineEntry> timeline,
        long encounters) implements PatientScoped, Serializable {
}
