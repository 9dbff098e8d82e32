package org.asclepius.hms.clinical.notes;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.TrackedEntity;

/**
 * A clinical note in an encounter. A draft is edited in place by its author; signing freezes it as version 1;
 * after that only new signed versions are added — an addendum (more text) or an amendment (a corrected text with
 * a reason) — and every version is kept. A note written in error is marked so with a reason, never deleted.
 */
@Entity
@Table(name = "clinical_note")
public class ClinicalNote extends TrackedEntity {
    /** Where the note stands. */
    public enum Status { DRAFT, SIGNED, AMENDED, ENTERED_IN_ERROR }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "clinical_note_seq")
    @SequenceGenerator(name = "clinical_note_seq", sequenceName = "clinical_note_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "encounter_id", nullable = false)
    private Encounter encounter;
    @Enumerated(EnumType.STRING)
    @Column(name = "template", nullable = false, length = 30)
    private NoteTemplate template;
    @Column(name = "title", nullable = false, length = 200)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private Status status = Status.DRAFT;
    @Column(name = "author", nullable = false, length = 100)
    private String author;
    @Column(name = "draft_body", length = 20000)
    private String draftBody;
    @Column(name = "signed_by", length = 100)
    private String signedBy;
    @Column(name = "signed_at")
    private Instant signedAt;
    @Column(name = "error_reason", length = 300)
    private String errorReason;
    @OneToMany(mappedBy = "note", cascade = CascadeType.PERSIST)
    @OrderBy("number")
    private List<ClinicalNoteVersion> versions = new ArrayList<>();

    protected ClinicalNote() {
    }

    ClinicalNote(Patient patient, Encounter encounter, NoteTemplate template, String title, String author,
                 String draftBody) {
        this.patient = patient;
        this.encounter = encounter;
        this.template = template;
        this.title = title;
        this.author = author;
        this.draftBody = draftBody;
    }

    void editDraft(String title, String body) {
        this.title = title;
        this.draftBody = body;
    }

    void sign(String by, Instant at) {
        versions.add(new ClinicalNoteVersion(this, 1, ClinicalNoteVersion.Kind.ORIGINAL, draftBody, null, by, at));
        this.status = Status.SIGNED;
        this.signedBy = by;
        this.signedAt = at;
        this.draftBody = null;
    }

    void addVersion(ClinicalNoteVersion.Kind kind, String body, String reason, String by, Instant at) {
        versions.add(new ClinicalNoteVersion(this, versions.size() + 1, kind, body, reason, by, at));
        if (kind == ClinicalNoteVersion.Kind.AMENDMENT) {
            this.status = Status.AMENDED;
        }
    }

    void enteredInError(String reason) {
        this.status = Status.ENTERED_IN_ERROR;
        this.errorReason = reason;
        this.draftBody = null;
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public Encounter getEncounter() { return encounter; }
    public NoteTemplate getTemplate() { return template; }
    public String getTitle() { return title; }
    public Status getStatus() { return status; }
    public String getAuthor() { return author; }
    public String getDraftBody() { return draftBody; }
    public String getSignedBy() { return signedBy; }
    public Instant getSignedAt() { return signedAt; }
    public String getErrorReason() { return errorReason; }
    public List<ClinicalNoteVersion> getVersions() { return versions; }
}
