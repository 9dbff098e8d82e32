package org.asclepius.hms.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.asclepius.hms.shared.PlainText;

/** The person to contact for the patient. */
@Embeddable
public class NextOfKin implements Serializable {
    private static final long serialVersionUID = 1L;

    @Size(max = 120) @PlainText
    @Column(name = "kin_name", length = 120)
    private String name;
    @Size(max = 40) @PlainText
    @Column(name = "kin_relationship", length = 40)
    private String relationship;
    @Size(max = 25) @Pattern(regexp = PatientData.PHONE_PATTERN, message = PatientData.PHONE_MESSAGE)
    @Column(name = "kin_phone", length = 25)
    private String phone;

    public NextOfKin() {
    }

    public NextOfKin(String name, String relationship, String phone) {
        this.name = name;
        this.relationship = relationship;
        this.phone = phone;
    }

    public NextOfKin copy() {
        return new NextOfKin(name, relationship, phone);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRelationship() { return relationship; }
    public void setRelationship(String relationship) { this.relationship = relationship; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
}
