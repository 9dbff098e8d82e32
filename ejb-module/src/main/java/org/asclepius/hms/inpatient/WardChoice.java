package org.asclepius.hms.inpatient;

import java.io.Serializable;

/** An open ward, for choosers. */
public record WardChoice(long id, String code, String name, String department) implements Serializable {
    public String label() {
        return code + " – " + name;
    }
}
