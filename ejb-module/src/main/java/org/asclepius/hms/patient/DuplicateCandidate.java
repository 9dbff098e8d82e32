package org.asclepius.hms.patient;

import java.io.Serializable;
import java.util.List;
import org.asclepius.hms.patient.matching.MatchGrade;
import org.asclepius.hms.shared.PatientScoped;

/**
 * A registered patient who may be the same person as the one being registered or matched: the score (sum of
 * log2 likelihood ratios), its grade, and which fields agreed or disagreed, in words for the clerk.
 */
public record DuplicateCandidate(PatientSummary patient, double score, MatchGrade grade, List<String> agreements,
                                 List<String> disagreements) implements PatientScoped, Serializable {
    public DuplicateCandidate {
        agreements = List.copyOf(agreements);
        disagreements = List.copyOf(disagreements);
    }

    @Override
    public long patientId() {
        return patient.id();
    }

    /** The score as a probability-like number in 0..1 (FHIR search.score), from the log2 likelihood ratio. */
    public double normalizedScore() {
        return 1.0 / (1.0 + Math.pow(2, -score));
    }
}
