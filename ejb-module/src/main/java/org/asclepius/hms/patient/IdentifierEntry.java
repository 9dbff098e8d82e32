package org.asclepius.hms.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * An identifier as typed on a form or sent through the API: the code of its {@link IdentifierType} and the
 * value. Whether the value follows its type's configured rule is checked by the service
 * ({@link IdentifierTypes#check}).
 */
public class IdentifierEntry implements Serializable {
    private static final long serialVersionUID = 2L;

    @NotBlank(message = "choose the identifier type")
    private String type;
    @NotBlank(message = "enter the identifier")
    @Size(max = 40)
    private String value;

    public IdentifierEntry() {
    }

    public IdentifierEntry(String type, String value) {
        this.type = type;
        this.value = value;
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
}
