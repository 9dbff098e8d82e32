package org.asclepius.hms.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.asclepius.hms.shared.TrackedEntity;

/**
 * A bookable service: how long it takes, which kinds of resource it needs at once (e.g. an MRI needs a room and a
 * technician), which resources offer it, and how many bookings one slot may take (1 unless an overbooking policy
 * with its reason allows more).
 */
@Entity
@Table(name = "service_type")
public class ServiceType extends TrackedEntity {
    @Id
    @Column(name = "code", length = 40)
    private String code;
    @Column(name = "name", nullable = false, length = 120)
    private String name;
    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;
    @Column(name = "required_kinds", nullable = false, length = 60)
    private String requiredKinds;
    @Column(name = "max_per_slot", nullable = false)
    private int maxPerSlot = 1;
    @Column(name = "overbook_policy", length = 300)
    private String overbookPolicy;
    @Column(name = "active", nullable = false)
    private boolean active = true;
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "service_resource", joinColumns = @JoinColumn(name = "service_code"),
            inverseJoinColumns = @JoinColumn(name = "resource_id"))
    private Set<SchedulableResource> resources = new LinkedHashSet<>();

    protected ServiceType() {
    }

    public ServiceType(String code) {
        this.code = code;
    }

    public void apply(ServiceTypeData d, Set<SchedulableResource> offeredBy) {
        name = d.getName().trim();
        durationMinutes = d.getDurationMinutes();
        requiredKinds = d.getRequiredKinds().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        maxPerSlot = d.getMaxPerSlot();
        overbookPolicy = maxPerSlot > 1 ? d.getOverbookPolicy().trim() : null;
        active = d.isActive();
        resources.clear();
        resources.addAll(offeredBy);
    }

    public Set<ResourceKind> requiredKinds() {
        Set<ResourceKind> kinds = EnumSet.noneOf(ResourceKind.class);
        Arrays.stream(requiredKinds.split(",")).map(ResourceKind::valueOf).forEach(kinds::add);
        return kinds;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public int getDurationMinutes() { return durationMinutes; }
    public int getMaxPerSlot() { return maxPerSlot; }
    public String getOverbookPolicy() { return overbookPolicy; }
    public boolean isActive() { return active; }
    public Set<SchedulableResource> getResources() { return resources; }
}
