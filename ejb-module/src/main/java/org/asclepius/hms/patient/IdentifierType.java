package org.asclepius.hms.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import org.asclepius.hms.shared.TrackedEntity;

/**
 * A kind of identifier a patient can hold besides the MRN (national ID, passport, insurance member ID…),
 * configured by an administrator: its label, the FHIR system the API names it by, and the rule (a regular
 * expression over the normalised value) every value must follow. A value is unique within its type
 * (database constraint); a patient may hold identifiers of several types.
 */
@Entity
@Table(name = "identifier_type")
public class IdentifierType extends TrackedEntity {
    /** The FHIR identifier system of the medical record number (assigned by the hospital, not configurable). */
    public static final String MRN_SYSTEM = "urn:asclepius:id:mrn";
    /** The type the patient matcher compares as the national ID (seeded; it may be relabelled, not removed). */
    public static final String NATIONAL_ID = "NATIONAL_ID";
    public static final String PASSPORT = "PASSPORT";
    public static final String INSURANCE_MEMBER_ID = "INSURANCE_MEMBER_ID";
    public static final String DRIVERS_LICENSE = "DRIVERS_LICENSE";

    @Id
    @Column(name = "code", length = 30)
    private String code;
    @Column(name = "label", nullable = false, length = 60)
    private String label;
    @Column(name = "fhir_system", nullable = false, length = 200)
    private String system;
    @Column(name = "v2_code", length = 10)
    private String v2Code;
    @Column(name = "value_pattern", nullable = false, length = 200)
    private String pattern;
    @Column(name = "rule_text", nullable = false, length = 200)
    private String rule;
    @Column(name = "active", nullable = false)
    private boolean active;
    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected IdentifierType() {
    }

    public IdentifierType(IdentifierTypeData data) {
        this.code = data.getCode().trim();
        apply(data);
    }

    /** Copies the editable settings (not the code, which identifiers refer to). */
    public final void apply(IdentifierTypeData data) {
        label = data.getLabel().trim();
        system = data.getSystem().trim();
        v2Code = data.getV2Code() == null || data.getV2Code().isBlank() ? null : data.getV2Code().trim();
        pattern = data.getPattern().trim();
        rule = data.getRule().trim();
        active = data.isActive();
        sortOrder = data.getSortOrder();
    }

    /** Upper-cases and strips spaces, as clerks type identifiers in many ways. */
    public static String normalize(String value) {
        return value == null ? null : value.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    public String getCode() { return code; }
    public String getLabel() { return label; }
    public String getSystem() { return system; }
    public String getV2Code() { return v2Code; }
    public String getPattern() { return pattern; }
    public String getRule() { return rule; }
    public boolean isActive() { return active; }
    public int getSortOrder() { return sortOrder; }
}
