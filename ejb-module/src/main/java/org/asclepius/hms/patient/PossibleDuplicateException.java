package org.asclepius.hms.patient;

import java.util.List;
import org.asclepius.hms.shared.DomainException;

/** A registration was stopped because the person is probably registered already. */
public class PossibleDuplicateException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final List<DuplicateCandidate> candidates;

    public PossibleDuplicateException(List<DuplicateCandidate> candidates) {
        super("This person may already be registered (" + candidates.size() + " likely match"
                + (candidates.size() == 1 ? "" : "es") + "). Open the existing record, or register a new patient"
                + " giving the reason why they are a different person.");
        this.candidates = List.copyOf(candidates);
    }

    public List<DuplicateCandidate> getCandidates() {
        return candidates;
    }
}
