package org.asclepius.hms.inpatient;

import java.io.Serializable;
import org.asclepius.hms.patient.Sex;

/**
 * A ward as screens show it, with how many beds it has and how many of them hold or expect a patient.
 *
 * @param open   false when the ward is closed (no admissions or transfers into it)
 * @param inUse  beds occupied or reserved (a ward with such beds cannot be closed)
 */
public record WardRecord(long id, long version, String code, String name, String department, Sex sexRule,
        Integer minAge, Integer maxAge, boolean open, long beds, long inUse) implements Serializable {

    /** "women only, 16–64 years" — the ward's admission rules as staff read them ("anyone" without rules). */
    public String rules() {
        String sex = sexRule == null ? null : sexRule == Sex.FEMALE ? "women only" : "men only";
        String age = minAge == null && maxAge == null ? null
                : minAge == null ? "up to " + maxAge + " years"
                : maxAge == null ? minAge + " years and over"
                : minAge + "–" + maxAge + " years";
        if (sex == null && age == null) {
            return "anyone";
        }
        return sex == null ? age : age == null ? sex : sex + ", " + age;
    }
}
