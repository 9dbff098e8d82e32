package org.asclepius.hms.integration.hl7;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.shared.TrackedEntity;

/**
 * A system that receives ADT messages over MLLP: its name (MSH-5 of what it gets, and the outbox recipient), where
 * it listens, whether it is in use, and the trigger events it wants (all when none are listed).
 */
@Entity
@Table(name = "hl7_endpoint")
public class Hl7Endpoint extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hl7_endpoint_seq")
    @SequenceGenerator(name = "hl7_endpoint_seq", sequenceName = "hl7_endpoint_seq", allocationSize = 50)
    private Long id;
    @Column(name = "name", nullable = false, length = 20)
    private String name;
    @Column(name = "host", nullable = false, length = 253)
    private String host;
    @Column(name = "port", nullable = false)
    private int port;
    @Column(name = "active", nullable = false)
    private boolean active = true;
    @Column(name = "triggers", length = 200)
    private String triggers;
    @Column(name = "description", length = 300)
    private String description;

    protected Hl7Endpoint() {
    }

    public Hl7Endpoint(Hl7EndpointData data) {
        apply(data);
    }

    final void apply(Hl7EndpointData d) {
        name = d.getName().trim();
        host = d.getHost().trim();
        port = d.getPort();
        active = d.isActive();
        triggers = d.getTriggers() == null || d.getTriggers().isEmpty() ? null
                : String.join(",", d.getTriggers().stream().sorted().map(AdtTrigger::name).toList());
        description = d.getDescription() == null || d.getDescription().isBlank() ? null : d.getDescription().trim();
    }

    void deactivate() {
        active = false;
    }

    /** The triggers it wants; empty for all. */
    public List<AdtTrigger> triggerList() {
        return triggers == null ? List.of()
                : Arrays.stream(triggers.split(",")).map(String::trim).map(AdtTrigger::valueOf).toList();
    }

    public boolean wants(AdtTrigger trigger) {
        return active && (triggers == null || triggerList().contains(trigger));
    }

    /** host:port, for messages to staff. */
    public String address() {
        return Hl7EndpointRecord.address(host, port);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getHost() { return host; }
    public int getPort() { return port; }
    public boolean isActive() { return active; }
    public String getDescription() { return description; }
}
