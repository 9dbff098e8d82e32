package org.asclepius.hms.inpatient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.TrackedEntity;

/** A ward of a department, optionally for one sex or an age range. */
@Entity
@Table(name = "ward")
public class Ward extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ward_seq")
    @SequenceGenerator(name = "ward_seq", sequenceName = "ward_seq", allocationSize = 50)
    private Long id;
    @Column(name = "code", nullable = false, length = 20)
    private String code;
    @Column(name = "name", nullable = false, length = 120)
    private String name;
    @Column(name = "department", nullable = false, length = 80)
    private String department;
    @Enumerated(EnumType.STRING)
    @Column(name = "sex_rule", length = 10)
    private Sex sexRule;
    @Column(name = "min_age")
    private Integer minAge;
    @Column(name = "max_age")
    private Integer maxAge;
    @Column(name = "active", nullable = false)
    private boolean active = true;

    protected Ward() {
    }

    public Ward(WardData d) {
        update(d);
    }

    /** Takes the administrator's entry (code, name, department, rules, open or closed). */
    void update(WardData d) {
        code = normalCode(d.getCode());
        name = d.getName().trim();
        department = d.getDepartment().trim();
        sexRule = d.getSexRule();
        minAge = d.getMinAge();
        maxAge = d.getMaxAge();
        active = d.isOpen();
    }

    static String normalCode(String code) {
        return code.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getDepartment() { return department; }
    public Sex getSexRule() { return sexRule; }
    public Integer getMinAge() { return minAge; }
    public Integer getMaxAge() { return maxAge; }
    public boolean isActive() { return active; }
}
