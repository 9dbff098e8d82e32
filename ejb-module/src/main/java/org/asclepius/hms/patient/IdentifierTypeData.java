package org.asclepius.hms.patient;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.regex.PatternSyntaxException;
import org.asclepius.hms.shared.PlainText;

/** An identifier type as an administrator enters it. */
public class IdentifierTypeData implements Serializable {
    private static final long serialVersionUID = 1L;

    @NotBlank(message = "enter a code")
    @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,29}$", message = "2 to 30 capital letters, digits or _ (e.g. PASSPORT)")
    private String code;
    @NotBlank(message = "enter the label staff see")
    @Size(max = 60) @PlainText
    private String label;
    @NotBlank(message = "enter the FHIR identifier system")
    @Size(max = 200)
    @Pattern(regexp = "^(urn:[A-Za-z0-9][A-Za-z0-9-]*:[^\\s<>]+|https?://[^\\s<>]+)$",
            message = "must be a URI (urn:… or http(s)://…)")
    private String system;
    @Size(max = 10)
    @Pattern(regexp = "^[A-Z]*$", message = "an HL7 v2 table 0203 code in capitals (e.g. PPN), or empty")
    private String v2Code;
    @NotBlank(message = "enter the rule as a regular expression (e.g. [A-Z0-9]{6,12})")
    @Size(max = 200)
    private String pattern;
    @NotBlank(message = "describe the rule for staff (e.g. 6 to 12 letters or digits)")
    @Size(max = 200) @PlainText
    private String rule;
    private boolean active = true;
    @Min(0) @Max(9999)
    private int sortOrder;

    public static IdentifierTypeData of(IdentifierTypeRecord r) {
        IdentifierTypeData d = new IdentifierTypeData();
        d.code = r.code();
        d.label = r.label();
        d.system = r.system();
        d.v2Code = r.v2Code();
        d.pattern = r.pattern();
        d.rule = r.rule();
        d.active = r.active();
        d.sortOrder = r.sortOrder();
        return d;
    }

    @AssertTrue(message = "is not a valid regular expression")
    public boolean isPatternValid() {
        if (pattern == null || pattern.isBlank()) {
            return true;
        }
        try {
            java.util.regex.Pattern.compile(pattern.trim());
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public String getSystem() { return system; }
    public void setSystem(String system) { this.system = system; }
    public String getV2Code() { return v2Code; }
    public void setV2Code(String v2Code) { this.v2Code = v2Code; }
    public String getPattern() { return pattern; }
    public void setPattern(String pattern) { this.pattern = pattern; }
    public String getRule() { return rule; }
    public void setRule(String rule) { this.rule = rule; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public int getSortOrder() { return sortOrder; }
    public void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }
}
