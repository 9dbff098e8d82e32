package org.asclepius.hms.patient.coverage;

/** The patient's relationship to the subscriber of the policy (FHIR subscriber-relationship codes). */
public enum SubscriberRelationship {
    SELF("Self", "self"), SPOUSE("Spouse", "spouse"), CHILD("Child", "child"), OTHER("Other", "other");

    private final String label;
    private final String fhirCode;

    SubscriberRelationship(String label, String fhirCode) {
        this.label = label;
        this.fhirCode = fhirCode;
    }

    public String getLabel() {
        return label;
    }

    public String getFhirCode() {
        return fhirCode;
    }
}
