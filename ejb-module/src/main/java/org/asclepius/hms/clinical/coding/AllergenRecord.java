package org.asclepius.hms.clinical.coding;

import java.io.Serializable;
import org.asclepius.hms.shared.Code;

/**
 * An allergen a patient can be recorded as allergic to: a drug ingredient coded in RxNorm, or an entry of the
 * hospital's own list (foods, environmental substances, drug classes, biologics) with the SNOMED CT substance code
 * alongside where one is known.
 */
public record AllergenRecord(String system, String code, String display, AllergenCategory category,
        String snomedCode, boolean active) implements Serializable {

    public Code toCode() {
        return new Code(system, code, display);
    }

    /** The SNOMED CT code of the same substance, as a coded value, if known. */
    public Code snomed() {
        return snomedCode == null ? null : new Code(org.asclepius.hms.shared.CodeSystems.SNOMED, snomedCode, display);
    }
}
