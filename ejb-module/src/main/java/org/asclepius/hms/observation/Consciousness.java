package org.asclepius.hms.observation;

/**
 * Level of consciousness on the ACVPU scale of NEWS2: alert, or new confusion, responds to voice, to pain, or
 * unresponsive. Anything other than alert scores 3.
 */
public enum Consciousness {
    ALERT("A", "Alert"),
    CONFUSION("C", "New confusion"),
    VOICE("V", "Responds to voice"),
    PAIN("P", "Responds to pain"),
    UNRESPONSIVE("U", "Unresponsive");

    private final String letter;
    private final String label;

    Consciousness(String letter, String label) {
        this.letter = letter;
        this.label = label;
    }

    public String letter() {
        return letter;
    }

    public String label() {
        return label;
    }
}
