package org.asclepius.hms.clinical.notes;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text of a note: its sections in the template's order, stored as a JSON object (section → text) so a
 * section never bleeds into another, and rendered as plain text with headings for print and exchange.
 */
public final class NoteBody {
    private NoteBody() {
    }

    /** The template's sections with the given texts (blank ones kept empty), in the template's order. */
    public static LinkedHashMap<String, String> of(NoteTemplate template, Map<String, String> texts) {
        LinkedHashMap<String, String> body = new LinkedHashMap<>();
        for (String section : template.sections()) {
            String text = texts == null ? null : texts.get(section);
            body.put(section, text == null ? "" : text.strip());
        }
        return body;
    }

    /** Sections that are not the template's. */
    public static List<String> unknownSections(NoteTemplate template, Map<String, String> texts) {
        return texts == null ? List.of() : texts.keySet().stream()
                .filter(s -> !template.sections().contains(s)).collect(Collectors.toList());
    }

    public static boolean isBlank(Map<String, String> body) {
        return body.values().stream().allMatch(t -> t == null || t.isBlank());
    }

    public static String toJson(Map<String, String> body) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        body.forEach(json::add);
        return json.build().toString();
    }

    public static LinkedHashMap<String, String> fromJson(String json) {
        LinkedHashMap<String, String> body = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return body;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                body.put(e.getKey(), e.getValue() instanceof JsonString s ? s.getString() : e.getValue().toString());
            }
        }
        return body;
    }

    /** Plain text with the section headings, empty sections left out. */
    public static String plainText(Map<String, String> body) {
        StringBuilder text = new StringBuilder();
        body.forEach((section, content) -> {
            if (content != null && !content.isBlank()) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(section).append(":\n").append(content);
            }
        });
        return text.toString();
    }
}
