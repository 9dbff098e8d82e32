package org.asclepius.hms.inpatient.census;

import java.io.Serializable;

/** A ward as the reports' filter lists it. */
public record WardOption(long id, String code, String name, boolean active) implements Serializable {
    public String label() {
        return code + " · " + name + (active ? "" : " (closed)");
    }
}
