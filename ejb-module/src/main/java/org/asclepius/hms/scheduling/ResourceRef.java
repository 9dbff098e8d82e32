package org.asclepius.hms.scheduling;

import java.io.Serializable;

/** A resource as an appointment shows it. */
public record ResourceRef(long id, ResourceKind kind, String name, String department) implements Serializable {
    static ResourceRef of(SchedulableResource r) {
        return new ResourceRef(r.getId(), r.getKind(), r.getName(), r.getDepartment());
    }
}
