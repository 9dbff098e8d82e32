package org.asclepius.hms.clinical.coding;

import java.io.Serializable;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.CodeSystems;

/**
 * An ICD-10-CM code: dotted code, long description, whether it is billable (a category header is not), whether
 * it is in the code set now (codes dropped by a later load stay, inactive), and the code-set version it came from.
 */
public record IcdCodeRecord(String code, String display, boolean billable, boolean active, String version)
        implements Serializable {

    public Code toCode() {
        return new Code(CodeSystems.ICD10CM, code, display);
    }
}
