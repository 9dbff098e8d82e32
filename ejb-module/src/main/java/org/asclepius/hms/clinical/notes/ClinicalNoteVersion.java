package org.asclepius.hms.clinical.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A signed version of a note: the original, an addendum or an amendment. Never changed once written. */
@Entity
@Immutable
@Table(name = "clinical_note_version")
public class ClinicalNoteVersion {
    /** What the version is. */
    public enum Kind { ORIGINAL, ADDENDUM, AMENDMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "clinical_note_version_seq")
    @SequenceGenerator(name = "clinical_note_version_seq", sequenceName = "clinical_note_version_seq",
            allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "note_id", nullable = false, updatable = false)
    private ClinicalNote note;
    @Column(name = "number", nullable = false, updatable = false)
    private int number;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 20)
    private Kind kind;
    @Column(name = "body", nullable = false, updatable = false, length = 20000)
    private String body;
    @Column(name = "reason", updatable = false, length = 300)
    private String reason;
    @Column(name = "signed_by", nullable = false, updatable = false, length = 100)
    private String signedBy;
    @Column(name = "signed_at", nullable = false, updatable = false)
    private Instant signedAt;

    protected ClinicalNoteVersion() {
    }

    ClinicalNoteVersion(ClinicalNote note, int number, Kind kind, String body, String reason, String signedBy,
                        Instant signedAt) {
        this.note = note;
        this.number = number;
        this.kind = kind;
        this.body = body;
        this.reason = reason;
        this.signedBy = signedBy;
        this.signedAt = signedAt;
    }

    public Long getId() { return id; }
    public int getNumber() { return number; }
    public Kind getKind() { return kind; }
    public String getBody() { return body; }
    public String getReason() { return reason; }
    public String getSignedBy() { return signedBy; }
    public Instant getSignedAt() { return signedAt; }
}
