package org.asclepius.hms.scheduling;

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

/** A provider, room or piece of equipment with a calendar of its own. */
@Entity
@Table(name = "schedulable_resource")
public class SchedulableResource extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "schedule_seq")
    @SequenceGenerator(name = "schedule_seq", sequenceName = "schedule_seq", allocationSize = 50)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private ResourceKind kind;
    @Column(name = "name", nullable = false, length = 120)
    private String name;
    @Column(name = "department", nullable = false, length = 80)
    private String department;
    @Column(name = "staff_username", length = 100)
    private String staffUsername;
    @Column(name = "slot_minutes", nullable = false)
    private int slotMinutes;
    @Column(name = "active", nullable = false)
    private boolean active = true;

    protected SchedulableResource() {
    }

    public SchedulableResource(ResourceData data) {
        apply(data);
    }

    public final void apply(ResourceData d) {
        kind = d.getKind();
        name = d.getName().trim();
        department = d.getDepartment().trim();
        staffUsername = d.getStaffUsername() == null || d.getStaffUsername().isBlank() ? null
                : d.getStaffUsername().trim();
        slotMinutes = d.getSlotMinutes();
        active = d.isActive();
    }

    public Long getId() { return id; }
    public ResourceKind getKind() { return kind; }
    public String getName() { return name; }
    public String getDepartment() { return department; }
    public String getStaffUsername() { return staffUsername; }
    public int getSlotMinutes() { return slotMinutes; }
    public boolean isActive() { return active; }
}
