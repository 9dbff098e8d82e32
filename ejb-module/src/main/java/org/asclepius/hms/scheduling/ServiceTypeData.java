package org.asclepius.hms.scheduling;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.asclepius.hms.shared.PlainText;

/** A bookable service as an administrator enters it. */
public class ServiceTypeData implements Serializable {
    private static final long serialVersionUID = 1L;

    @NotBlank(message = "enter a code")
    @Pattern(regexp = "^[A-Z][A-Z0-9_-]{1,39}$", message = "2 to 40 capital letters, digits, - or _ (e.g. MRI)")
    private String code;
    @NotBlank(message = "enter the name staff see") @Size(max = 120) @PlainText
    private String name;
    @Min(value = 5, message = "must be at least 5 minutes") @Max(value = 720, message = "must be at most 12 hours")
    private int durationMinutes = 15;
    @NotEmpty(message = "choose the kinds of resource the service needs")
    private Set<ResourceKind> requiredKinds = EnumSet.of(ResourceKind.PROVIDER);
    @Min(value = 1, message = "must be at least 1") @Max(value = 10, message = "must be at most 10")
    private int maxPerSlot = 1;
    @Size(max = 300) @PlainText
    private String overbookPolicy;
    private boolean active = true;
    @NotEmpty(message = "choose the resources that offer the service")
    private List<Long> resourceIds = new ArrayList<>();

    public static ServiceTypeData of(String code, String name, int minutes, Set<ResourceKind> kinds,
            List<Long> resourceIds) {
        ServiceTypeData d = new ServiceTypeData();
        d.code = code;
        d.name = name;
        d.durationMinutes = minutes;
        d.requiredKinds = EnumSet.copyOf(kinds);
        d.resourceIds = new ArrayList<>(resourceIds);
        return d;
    }

    public static ServiceTypeData of(ServiceTypeRecord r) {
        ServiceTypeData d = of(r.code(), r.name(), r.durationMinutes(), r.requiredKinds(), r.resourceIds());
        d.maxPerSlot = r.maxPerSlot();
        d.overbookPolicy = r.overbookPolicy();
        d.active = r.active();
        return d;
    }

    @AssertTrue(message = "an overbooking policy (more than 1 per slot) needs its reason")
    public boolean isOverbookPolicyExplained() {
        return maxPerSlot <= 1 || overbookPolicy != null && !overbookPolicy.isBlank();
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public int getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(int durationMinutes) { this.durationMinutes = durationMinutes; }
    public Set<ResourceKind> getRequiredKinds() { return requiredKinds; }
    public void setRequiredKinds(Set<ResourceKind> requiredKinds) { this.requiredKinds = requiredKinds; }
    public int getMaxPerSlot() { return maxPerSlot; }
    public void setMaxPerSlot(int maxPerSlot) { this.maxPerSlot = maxPerSlot; }
    public String getOverbookPolicy() { return overbookPolicy; }
    public void setOverbookPolicy(String overbookPolicy) { this.overbookPolicy = overbookPolicy; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public List<Long> getResourceIds() { return resourceIds; }
    public void setResourceIds(List<Long> resourceIds) { this.resourceIds = resourceIds; }
}
