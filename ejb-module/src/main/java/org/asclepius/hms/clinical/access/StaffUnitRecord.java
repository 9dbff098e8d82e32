package org.asclepius.hms.clinical.access;

import java.io.Serializable;

/** A unit a member of staff works in. */
public record StaffUnitRecord(long id, String userName, StaffUnit.Kind kind, String unit) implements Serializable {
    static StaffUnitRecord of(StaffUnit u) {
        return new StaffUnitRecord(u.getId(), u.getUserName(), u.getKind(), u.getUnit());
    }
}
