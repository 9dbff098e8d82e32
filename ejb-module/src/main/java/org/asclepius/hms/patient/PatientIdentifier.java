package org.asclepius.hms.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An identifier a patient holds; a value is unique within its type (enforced by the database). */
@Entity
@Table(name = "patient_identifier")
public class PatientIdentifier {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patient_identifier_seq")
    @SequenceGenerator(name = "patient_identifier_seq", sequenceName = "patient_identifier_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;

    /** the {@link IdentifierType} code */
    @Column(name = "id_type", nullable = false, length = 30)
    private String type;

    @Column(name = "id_value", nullable = false, length = 40)
    private String value;

    /** The retired patient this identifier came from in a merge (provenance for unmerge), else null. */
    @Column(name = "merged_from")
    private Long mergedFrom;

    protected PatientIdentifier() {
    }

    PatientIdentifier(Patient patient, String type, String value) {
        this.patient = patient;
        this.type = type;
        this.value = IdentifierType.normalize(value);
    }

    public String getType() {
        return type;
    }

    public Long getMergedFrom() {
        return mergedFrom;
    }

    public String getValue() {
        return value;
    }
}
