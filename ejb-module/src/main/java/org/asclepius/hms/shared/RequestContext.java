package org.asclepius.hms.shared;

import jakarta.enterprise.context.RequestScoped;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Where the current request comes from, filled by the entry point (a servlet filter in each WAR, the batch
 * and timer infrastructure) and read by the audit. Also remembers which (patient, action) pairs were
 * already audited so that a request writes one event per patient.
 */
@RequestScoped
public class RequestContext implements Serializable {
    private static final long serialVersionUID = 1L;

    private String requestId = UUID.randomUUID().toString();
    private String sourceAddress;
    private String clientId;
    private String channel = "internal";
    private String triggeredBy;
    private final Set<String> audited = new HashSet<>();
    private final java.util.Map<String, String> rolesByCaller = new java.util.HashMap<>();

    public void enter(String channel, String sourceAddress, String clientId) {
        this.channel = channel;
        this.sourceAddress = sourceAddress;
        this.clientId = clientId;
    }

    /** For system work that a person started: who it was (recorded beside the system identity). */
    public void triggeredBy(String user) {
        this.triggeredBy = user;
    }

    /** @return true the first time this key is seen in the request */
    /**
     * The roles of a caller, worked out once per request and caller (the audit trail records them on every event;
     * a page about 500 patients writes 500 events).
     */
    public String rolesOf(String caller, java.util.function.Supplier<String> roles) {
        return rolesByCaller.computeIfAbsent(caller, c -> roles.get());
    }

    public boolean firstTime(String key) {
        return audited.add(key);
    }

    public String getRequestId() {
        return requestId;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public String getClientId() {
        return clientId;
    }

    public String getChannel() {
        return channel;
    }

    public String getTriggeredBy() {
        return triggeredBy;
    }
}
