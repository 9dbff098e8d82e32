package org.asclepius.hms.patient.matching;

/**
 * How likely two records are the same person, with the codes of the FHIR {@code match-grade} extension used by
 * {@code Patient/$match}. The grade follows from the score and the thresholds of {@link PatientMatcher}.
 */
public enum MatchGrade {
    /** score at or above {@link PatientMatcher#CERTAIN_AT}: the same person beyond reasonable doubt. */
    CERTAIN("certain"),
    /** score at or above {@link PatientMatcher#PROBABLE_AT}: most likely the same person; a clerk should confirm. */
    PROBABLE("probable"),
    /** score at or above {@link PatientMatcher#POSSIBLE_AT}: could be the same person; worth a look. */
    POSSIBLE("possible"),
    /** score below {@link PatientMatcher#POSSIBLE_AT}: the evidence says these are different people. */
    CERTAINLY_NOT("certainly-not");

    private final String fhirCode;

    MatchGrade(String fhirCode) {
        this.fhirCode = fhirCode;
    }

    /** The code of the FHIR match-grade extension: certain, probable, possible or certainly-not. */
    public String fhirCode() {
        return fhirCode;
    }

    /** True when this grade is the given one or a stronger one (CERTAIN is at least PROBABLE). */
    public boolean isAtLeast(MatchGrade other) {
        return ordinal() <= other.ordinal();
    }
}
