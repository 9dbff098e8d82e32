package org.asclepius.hms.inpatient;

import java.io.Serializable;

/**
 * What the bed board shows: one ward or all, beds of one kind or all, beds in one state or all (null: any).
 * Wards without a matching bed are left out when a kind or a state is chosen.
 */
public record BoardFilter(Long wardId, BedKind kind, BedStatus status) implements Serializable {
    public static final BoardFilter ALL = new BoardFilter(null, null, null);

    boolean shows(BoardBed bed) {
        return (kind == null || bed.kind() == kind) && (status == null || bed.status() == status);
    }

    boolean narrowsBeds() {
        return kind != null || status != null;
    }
}
