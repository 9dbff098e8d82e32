package org.asclepius.hms.inpatient;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.PlainText;

/** A ward as an administrator enters it. */
public class WardData implements Serializable {
    private static final long serialVersionUID = 1L;

    @NotBlank(message = "enter a code")
    @Pattern(regexp = "^[A-Za-z0-9-]{1,20}$", message = "1 to 20 letters, digits or - (e.g. MED-3)")
    private String code;
    @NotBlank(message = "enter the name") @Size(max = 120) @PlainText
    private String name;
    @NotBlank(message = "enter the department") @Size(max = 80) @PlainText
    private String department;
    /** null: any sex */
    private Sex sexRule;
    @Min(0) @Max(130)
    private Integer minAge;
    @Min(0) @Max(130)
    private Integer maxAge;
    /** false: the ward is closed (no admissions or transfers into it) */
    private boolean open = true;

    public static WardData of(String code, String name, String department) {
        WardData d = new WardData();
        d.code = code;
        d.name = name;
        d.department = department;
        return d;
    }

    @AssertTrue(message = "a ward is for women or men only, or for anyone")
    public boolean isSexRuleValid() {
        return sexRule == null || sexRule == Sex.FEMALE || sexRule == Sex.MALE;
    }

    @AssertTrue(message = "the youngest age must not be above the oldest")
    public boolean isAgeRangeValid() {
        return minAge == null || maxAge == null || minAge <= maxAge;
    }

    /** The entry as the ward is now (for the edit form). */
    public static WardData of(WardRecord w) {
        WardData d = of(w.code(), w.name(), w.department());
        d.sexRule = w.sexRule();
        d.minAge = w.minAge();
        d.maxAge = w.maxAge();
        d.open = w.open();
        return d;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public Sex getSexRule() { return sexRule; }
    public void setSexRule(Sex sexRule) { this.sexRule = sexRule; }
    public Integer getMinAge() { return minAge; }
    public void setMinAge(Integer minAge) { this.minAge = minAge; }
    public Integer getMaxAge() { return maxAge; }
    public void setMaxAge(Integer maxAge) { this.maxAge = maxAge; }
    public boolean isOpen() { return open; }
    public void setOpen(boolean open) { this.open = open; }
}
