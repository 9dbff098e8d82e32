package org.asclepius.hms.clinical.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.asclepius.hms.shared.TrackedEntity;

/** A department or ward a member of staff works in: they see the patients currently treated there. */
@Entity
@Table(name = "staff_unit")
public class StaffUnit extends TrackedEntity {
    /** What kind of unit. */
    public enum Kind { DEPARTMENT, WARD }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_unit_seq")
    @SequenceGenerator(name = "staff_unit_seq", sequenceName = "staff_unit_seq", allocationSize = 50)
    private Long id;
    @Column(name = "user_name", nullable = false, length = 100)
    private String userName;
    @Enumerated(EnumType.STRING)
    @Column(name = "unit_kind", nullable = false, length = 20)
    private Kind kind;
    @Column(name = "unit", nullable = false, length = 80)
    private String unit;

    protected StaffUnit() {
    }

    StaffUnit(String userName, Kind kind, String unit) {
        this.userName = userName;
        this.kind = kind;
        this.unit = unit;
    }

    public Long getId() { return id; }
    public String getUserName() { return userName; }
    public Kind getKind() { return kind; }
    public String getUnit() { return unit; }
}
