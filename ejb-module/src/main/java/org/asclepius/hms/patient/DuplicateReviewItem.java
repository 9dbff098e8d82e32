package org.asclepius.hms.patient;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.patient.matching.MatchGrade;
import org.asclepius.hms.shared.PatientScoped;
import org.asclepius.hms.shared.PatientsScoped;

/** One pair on the duplicate review worklist, as the review screen shows it (both patients are audited). */
public record DuplicateReviewItem(long id, PatientSummary first, PatientSummary second, double score,
                                  MatchGrade grade, Instant foundAt) implements PatientsScoped, Serializable {
    @Override
    public List<? extends PatientScoped> scopedParts() {
        return List.of(first, second);
    }
}
