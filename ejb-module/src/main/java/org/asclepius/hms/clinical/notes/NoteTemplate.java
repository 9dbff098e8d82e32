package org.asclepius.hms.clinical.notes;

import java.util.List;

/** The templates of clinical notes: their sections, in order. */
public enum NoteTemplate {
    SOAP("SOAP note", List.of("Subjective", "Objective", "Assessment", "Plan")),
    ADMISSION("Admission note", List.of("Presenting complaint", "History of present illness", "Past history",
            "Medications and allergies", "Examination", "Assessment", "Plan")),
    PROGRESS("Progress note", List.of("Progress", "Assessment", "Plan")),
    DISCHARGE_SUMMARY("Discharge summary", List.of("Diagnoses", "Hospital course", "Condition at discharge",
            "Medications on discharge", "Follow-up"));

    private final String label;
    private final List<String> sections;

    NoteTemplate(String label, List<String> sections) {
        this.label = label;
        this.sections = sections;
    }

    public String label() {
        return label;
    }

    public List<String> sections() {
        return sections;
    }
}
