package org.asclepius.hms.scheduling;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** A bookable service, with the resources that offer it. */
public record ServiceTypeRecord(String code, long version, String name, int durationMinutes,
        Set<ResourceKind> requiredKinds, int maxPerSlot, String overbookPolicy, boolean active,
        List<Long> resourceIds) implements Serializable {

    static ServiceTypeRecord of(ServiceType s) {
        return new ServiceTypeRecord(s.getCode(), s.getVersion(), s.getName(), s.getDurationMinutes(),
                s.requiredKinds(), s.getMaxPerSlot(), s.getOverbookPolicy(), s.isActive(),
                s.getResources().stream().map(SchedulableResource::getId).sorted(Comparator.naturalOrder()).toList());
    }

    public String label() {
        return name + " (" + durationMinutes + " min)";
    }
}
