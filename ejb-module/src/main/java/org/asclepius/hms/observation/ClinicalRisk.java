package org.asclepius.hms.observation;

/**
 * The clinical risk a NEWS2 score stands for (Royal College of Physicians, 2017), and the colour screens show
 * it in: low (aggregate 0–4), low-medium (a single parameter scoring 3, aggregate below 5), medium (5–6), high
 * (7 or more).
 */
public enum ClinicalRisk {
    LOW("Low", "green", "Ward-based response: continue routine observation"),
    LOW_MEDIUM("Low-medium", "yellow", "Urgent ward-based response: a clinician reviews the patient"),
    MEDIUM("Medium", "orange", "Key threshold for urgent response: urgent review by a clinician"),
    HIGH("High", "red", "Urgent or emergency response: emergency assessment by a critical care team");

    private final String label;
    private final String colour;
    private final String response;

    ClinicalRisk(String label, String colour, String response) {
        this.label = label;
        this.colour = colour;
        this.response = response;
    }

    public String label() {
        return label;
    }

    /** The colour name screens use ({@code hms-risk-<colour>}). */
    public String colour() {
        return colour;
    }

    /** The response the RCP chart asks for at this risk. */
    public String response() {
        return response;
    }
}
