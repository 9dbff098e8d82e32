package org.asclepius.hms.inpatient;

import java.io.Serializable;

/** A bed and its state. */
public record BedRecord(long id, long version, long wardId, String ward, String room, String label, BedKind kind,
        BedStatus status, String note) implements Serializable {
    static BedRecord of(Bed b) {
        return new BedRecord(b.getId(), b.getVersion(), b.getWard().getId(), b.getWard().getCode(), b.getRoom(),
                b.getLabel(), b.getKind(), b.getStatus(), b.getNote());
    }
}
