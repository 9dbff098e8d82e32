package org.asclepius.hms.patient;

import java.util.Optional;

/**
 * A module's veto on merging or unmerging a patient's record while something is under way that a merge would
 * break (e.g. patient flow: an open admission). Implementations are CDI beans; the merge service asks every one
 * of them for both patients and refuses with the message the first refusing guard gives.
 */
public interface MergeGuard {
    /** Why the patient's record may not be merged or unmerged now, or empty when it may. */
    Optional<String> refusal(long patientId);
}
