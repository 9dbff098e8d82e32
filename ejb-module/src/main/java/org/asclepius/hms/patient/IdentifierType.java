package org.asclepius.hms.patient;

import java.util.regex.Pattern;

/**
 * Kinds of patient identifier other than the MRN, with the rule a value must follow. The FHIR system URI
 * is how the API names the type. (A configurable list of types follows with the master patient index.)
 */
public enum IdentifierType {
    NATIONAL_ID("National ID", "urn:asclepius:id:national-id", "[A-Z0-9][A-Z0-9-]{4,19}",
            "5 to 20 letters, digits or dashes"),
    PASSPORT("Passport", "urn:asclepius:id:passport", "[A-Z0-9]{6,12}", "6 to 12 letters or digits"),
    INSURANCE_MEMBER_ID("Insurance member ID", "urn:asclepius:id:insurance-member", "[A-Z0-9][A-Z0-9-]{2,29}",
            "3 to 30 letters, digits or dashes"),
    DRIVERS_LICENSE("Driver's licence", "urn:asclepius:id:drivers-license", "[A-Z0-9][A-Z0-9-]{3,19}",
            "4 to 20 letters, digits or dashes");

    /** The FHIR identifier system of the medical record number. */
    public static final String MRN_SYSTEM = "urn:asclepius:id:mrn";

    private final String label;
    private final String system;
    private final Pattern pattern;
    private final String rule;

    IdentifierType(String label, String system, String regex, String rule) {
        this.label = label;
        this.system = system;
        this.pattern = Pattern.compile(regex);
        this.rule = rule;
    }

    public String getLabel() {
        return label;
    }

    public String getSystem() {
        return system;
    }

    public String getRule() {
        return rule;
    }

    /** Upper-cases and strips spaces, as clerks type identifiers in many ways. */
    public static String normalize(String value) {
        return value == null ? null : value.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    public boolean isValid(String value) {
        return value != null && pattern.matcher(normalize(value)).matches();
    }

    public static IdentifierType bySystem(String system) {
        for (IdentifierType t : values()) {
            if (t.system.equals(system)) {
                return t;
            }
        }
        return null;
    }
}
