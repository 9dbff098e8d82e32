package org.asclepius.hms.scheduling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.asclepius.hms.shared.PlainText;

/** A provider, room or piece of equipment as an administrator enters it. */
public class ResourceData implements Serializable {
    private static final long serialVersionUID = 1L;

    @NotNull(message = "choose provider, room or equipment")
    private ResourceKind kind;
    @NotBlank(message = "enter a name") @Size(max = 120) @PlainText
    private String name;
    @NotBlank(message = "enter the department") @Size(max = 80) @PlainText
    private String department;
    @Size(max = 100) @PlainText
    private String staffUsername;
    @Min(value = 5, message = "must be at least 5 minutes") @Max(value = 240, message = "must be at most 240 minutes")
    private int slotMinutes = 15;
    private boolean active = true;

    public static ResourceData of(ResourceKind kind, String name, String department, int slotMinutes) {
        ResourceData d = new ResourceData();
        d.kind = kind;
        d.name = name;
        d.department = department;
        d.slotMinutes = slotMinutes;
        return d;
    }

    public static ResourceData of(ResourceRecord r) {
        ResourceData d = of(r.kind(), r.name(), r.department(), r.slotMinutes());
        d.staffUsername = r.staffUsername();
        d.active = r.active();
        return d;
    }

    public ResourceKind getKind() { return kind; }
    public void setKind(ResourceKind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public String getStaffUsername() { return staffUsername; }
    public void setStaffUsername(String staffUsername) { this.staffUsername = staffUsername; }
    public int getSlotMinutes() { return slotMinutes; }
    public void setSlotMinutes(int slotMinutes) { this.slotMinutes = slotMinutes; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
