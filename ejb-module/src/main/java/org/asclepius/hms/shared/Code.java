package org.asclepius.hms.shared;

import java.io.Serializable;

/**
 * A coded value: the code system (its canonical URI, as FHIR names it), the code and its display text. Codes
 * always carry their system (ICD-10-CM, SNOMED CT, LOINC, RxNorm, a local list…), never a bare code.
 */
public record Code(String system, String code, String display) implements Serializable {
    public Code {
        if (system == null || system.isBlank() || code == null || code.isBlank()) {
            throw new IllegalArgumentException("a code needs its system and a value");
        }
    }

    /** The code system's short name for screens ("ICD-10-CM", "SNOMED CT", …). */
    public String systemName() {
        return CodeSystems.shortName(system);
    }
}
