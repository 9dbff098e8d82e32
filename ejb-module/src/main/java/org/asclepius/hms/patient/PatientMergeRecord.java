package org.asclepius.hms.patient;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.shared.PatientScoped;
import org.asclepius.hms.shared.PatientsScoped;

/** A merge as screens show it: who was merged into whom, when, by whom and why, and whether it was undone. */
public record PatientMergeRecord(long id, long survivorId, String survivorMrn, long retiredId, String retiredMrn,
                                 String reason, Instant mergedAt, String mergedBy, Instant undoneAt,
                                 String undoneBy, String undoReason, int rowsMoved)
        implements PatientsScoped, Serializable {

    @Override
    public List<? extends PatientScoped> scopedParts() {
        return List.<PatientScoped>of(() -> survivorId, () -> retiredId);
    }

    public boolean isUndone() {
        return undoneAt != null;
    }
}
