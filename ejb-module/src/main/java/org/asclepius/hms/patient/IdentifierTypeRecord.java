package org.asclepius.hms.patient;

import java.io.Serializable;
import java.util.regex.Pattern;

/** An identifier type as screens, the API mapping and validation use it. */
public record IdentifierTypeRecord(String code, String label, String system, String v2Code, String pattern,
                                   String rule, boolean active, int sortOrder, long version)
        implements Serializable {

    static IdentifierTypeRecord of(IdentifierType t) {
        return new IdentifierTypeRecord(t.getCode(), t.getLabel(), t.getSystem(), t.getV2Code(), t.getPattern(),
                t.getRule(), t.isActive(), t.getSortOrder(), t.getVersion());
    }

    /** Whether the value, normalised, follows the type's rule. */
    public boolean isValid(String value) {
        return value != null && Pattern.compile(pattern).matcher(IdentifierType.normalize(value)).matches();
    }
}
