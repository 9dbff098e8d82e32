package org.asclepius.hms.patient;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configured identifier types at one moment (an immutable snapshot, in display order), with the checks
 * every identifier a patient is given must pass.
 */
public record IdentifierTypes(List<IdentifierTypeRecord> all) implements Serializable {

    public IdentifierTypes {
        all = List.copyOf(all);
    }

    /** The types staff may choose for a new identifier. */
    public List<IdentifierTypeRecord> active() {
        return all.stream().filter(IdentifierTypeRecord::active).toList();
    }

    public Optional<IdentifierTypeRecord> byCode(String code) {
        return all.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Optional<IdentifierTypeRecord> bySystem(String system) {
        return all.stream().filter(t -> t.system().equals(system)).findFirst();
    }

    /** The label of a type, or its code when it is not (or no longer) configured. */
    public String label(String code) {
        return byCode(code).map(IdentifierTypeRecord::label).orElse(code);
    }

    /** The FHIR systems of the active types, for messages. */
    public String activeSystems() {
        return active().stream().map(IdentifierTypeRecord::system).collect(Collectors.joining(", "));
    }

    /**
     * Adds a message per field for identifiers whose type is unknown or retired (unless the patient already
     * holds that very identifier) or whose value breaks the type's rule.
     */
    public void check(List<IdentifierEntry> entries, List<IdentifierEntry> alreadyHeld, Map<String, String> errors) {
        for (int i = 0; i < entries.size(); i++) {
            IdentifierEntry entry = entries.get(i);
            if (entry == null || entry.getType() == null || entry.getValue() == null || entry.getValue().isBlank()) {
                continue;
            }
            Optional<IdentifierTypeRecord> type = byCode(entry.getType());
            boolean held = alreadyHeld.stream().anyMatch(h -> h.getType().equals(entry.getType())
                    && h.getValue().equals(IdentifierType.normalize(entry.getValue())));
            if (type.isEmpty() || (!type.get().active() && !held)) {
                errors.put("identifiers[" + i + "].type", "choose one of the identifier types in use");
            } else if (!type.get().isValid(entry.getValue()) && !held) {
                errors.put("identifiers[" + i + "].value", type.get().label() + " must be " + type.get().rule());
            }
        }
    }
}
