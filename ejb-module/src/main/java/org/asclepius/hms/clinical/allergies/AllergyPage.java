package org.asclepius.hms.clinical.allergies;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.shared.PatientScoped;

/**
 * One page of a patient's allergy entries with the number of all that match, and whether "no known allergies" is
 * the patient's current assessment (recorded explicitly, latest, and no current allergy) with who recorded it and
 * when. Audited, like {@link org.asclepius.hms.shared.PatientPage}, as one read of the patient's chart.
 */
public record AllergyPage(long patientId, List<AllergyRecord> items, long total, boolean noKnownAllergies,
        String assessedBy, Instant assessedAt) implements PatientScoped, Serializable {

    public AllergyPage {
        items = List.copyOf(items);
    }
}
