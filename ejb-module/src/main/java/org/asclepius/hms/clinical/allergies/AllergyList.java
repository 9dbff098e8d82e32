package org.asclepius.hms.clinical.allergies;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.shared.PatientScoped;

/**
 * A patient's allergies: the entries (current ones first) and the latest assessment — "no known allergies" is
 * recorded explicitly, so an empty list without it reads "not recorded", never "none".
 */
public record AllergyList(long patientId, AllergyAssessment.Finding assessment, String assessedBy,
        Instant assessedAt, List<AllergyRecord> items) implements PatientScoped, Serializable {

    public AllergyList {
        items = List.copyOf(items);
    }

    public List<AllergyRecord> current() {
        return items.stream().filter(AllergyRecord::current).toList();
    }

    public boolean noKnownAllergies() {
        return assessment == AllergyAssessment.Finding.NO_KNOWN_ALLERGIES && current().isEmpty();
    }

    public boolean notRecorded() {
        return assessment == null && current().isEmpty();
    }

    /** The banner's text: "NKA", "Not recorded", or the current allergies. */
    public String bannerText() {
        if (!current().isEmpty()) {
            return String.join("; ", current().stream().map(AllergyRecord::summary).toList());
        }
        return noKnownAllergies() ? "No known allergies" : "Allergies not recorded";
    }
}
