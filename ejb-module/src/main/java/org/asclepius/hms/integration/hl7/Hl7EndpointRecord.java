package org.asclepius.hms.integration.hl7;

import java.io.Serializable;
import java.util.List;
import org.asclepius.hms.encounter.AdtTrigger;

/** An MLLP endpoint as screens show it; {@code triggers} empty means every trigger. */
public record Hl7EndpointRecord(long id, String name, String host, int port, boolean active,
        List<AdtTrigger> triggers, String description, long version) implements Serializable {

    static Hl7EndpointRecord of(Hl7Endpoint e) {
        return new Hl7EndpointRecord(e.getId(), e.getName(), e.getHost(), e.getPort(), e.isActive(),
                List.copyOf(e.triggerList()), e.getDescription(), e.getVersion());
    }

    /** "all" or the list, for lists. */
    public String triggerText() {
        return triggers.isEmpty() ? "all" : String.join(", ", triggers.stream().map(Enum::name).toList());
    }

    public String address() {
        return address(host, port);
    }

    /** host:port (an IPv6 address in brackets). */
    static String address(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
