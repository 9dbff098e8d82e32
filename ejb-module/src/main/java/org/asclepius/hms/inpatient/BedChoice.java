package org.asclepius.hms.inpatient;

import java.io.Serializable;

/** A bed a patient could be given (for choosers), with its ward and kind. */
public record BedChoice(long id, String name, long wardId, String wardCode, String department, BedKind kind)
        implements Serializable {
}
