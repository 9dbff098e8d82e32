package org.asclepius.hms.clinical.notes;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.asclepius.hms.shared.PatientScoped;

/**
 * A note as screens and the API read it: its current text (the draft, or the latest signed original or amendment),
 * its addenda, and every signed version.
 */
public record NoteRecord(long id, long patientId, long encounterId, NoteTemplate template, String title,
        ClinicalNote.Status status, String author, LinkedHashMap<String, String> sections, List<VersionRecord> addenda,
        List<VersionRecord> versions, String signedBy, Instant signedAt, String errorReason, Instant createdAt,
        String updatedBy, Instant updatedAt, long version) implements PatientScoped, Serializable {

    /** A signed version. */
    public record VersionRecord(int number, ClinicalNoteVersion.Kind kind, LinkedHashMap<String, String> sections,
            String reason, String signedBy, Instant signedAt) implements Serializable {
        public String plainText() {
            return NoteBody.plainText(sections);
        }
    }

    static NoteRecord of(ClinicalNote n) {
        List<VersionRecord> versions = n.getVersions().stream()
                .map(v -> new VersionRecord(v.getNumber(), v.getKind(), NoteBody.fromJson(v.getBody()), v.getReason(),
                        v.getSignedBy(), v.getSignedAt())).toList();
        LinkedHashMap<String, String> current = n.getDraftBody() != null ? NoteBody.fromJson(n.getDraftBody())
                : versions.stream().filter(v -> v.kind() != ClinicalNoteVersion.Kind.ADDENDUM)
                .reduce((a, b) -> b).map(VersionRecord::sections).orElseGet(LinkedHashMap::new);
        List<VersionRecord> addenda = versions.stream()
                .filter(v -> v.kind() == ClinicalNoteVersion.Kind.ADDENDUM).toList();
        return new NoteRecord(n.getId(), n.getPatient().getId(), n.getEncounter().getId(), n.getTemplate(),
                n.getTitle(), n.getStatus(), n.getAuthor(), current, addenda, versions, n.getSignedBy(),
                n.getSignedAt(), n.getErrorReason(), n.getCreatedAt(), n.getUpdatedBy(), n.getUpdatedAt(),
                n.getVersion());
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }

    public boolean draft() {
        return status == ClinicalNote.Status.DRAFT;
    }

    /** The current text with headings, then each addendum. */
    public String plainText() {
        StringBuilder text = new StringBuilder(NoteBody.plainText(sections));
        for (VersionRecord a : addenda) {
            text.append("\n\nAddendum (").append(a.signedBy()).append(", ").append(a.signedAt()).append("):\n")
                    .append(a.plainText());
        }
        return text.toString();
    }
}
