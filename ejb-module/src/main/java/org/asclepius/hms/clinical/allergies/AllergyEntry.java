package org.asclepius.hms.clinical.allergies;

import java.io.Serializable;
import java.time.LocalDate;

/** An allergy as a clinician enters it: the allergen from the list (system and code), type, reaction, severity. */
public record AllergyEntry(Long encounterId, String allergenSystem, String allergenCode, Allergy.Type type,
        String reaction, Allergy.Severity severity, Allergy.Verification verification, LocalDate onsetDate,
        String note) implements Serializable {
}
