package org.asclepius.hms.integration.hl7;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.shared.PlainText;

/** An MLLP endpoint as the administrator enters it. */
public class Hl7EndpointData implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A host name (RFC 1123 labels), an IPv4 address or an IPv6 address. */
    static final String HOST = "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"
            + "|^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$";

    @NotBlank(message = "enter the name the receiving system knows itself by")
    @Pattern(regexp = "^[A-Za-z0-9_-]{1,20}$", message = "1 to 20 letters, digits, - or _ (it is sent in MSH-5)")
    private String name;
    @NotBlank(message = "enter the host name or IP address the system listens on")
    @Size(max = 253)
    @Pattern(regexp = HOST, message = "is not a host name or IP address (e.g. lab.hospital.local or 10.0.0.5)")
    private String host;
    @NotNull(message = "enter the port the system listens on")
    @Min(value = 1, message = "must be between 1 and 65535")
    @Max(value = 65535, message = "must be between 1 and 65535")
    private Integer port;
    private boolean active = true;
    /** The events it wants; none for all. */
    private List<AdtTrigger> triggers = new ArrayList<>();
    @Size(max = 300) @PlainText
    private String description;

    public static Hl7EndpointData of(Hl7EndpointRecord r) {
        Hl7EndpointData d = new Hl7EndpointData();
        d.name = r.name();
        d.host = r.host();
        d.port = r.port();
        d.active = r.active();
        d.triggers = new ArrayList<>(r.triggers());
        d.description = r.description();
        return d;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public List<AdtTrigger> getTriggers() { return triggers; }
    public void setTriggers(List<AdtTrigger> triggers) { this.triggers = triggers == null ? new ArrayList<>() : triggers; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
