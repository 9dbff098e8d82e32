package org.asclepius.hms.clinical.notes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.clinical.ClinicalContext;
import org.asclepius.hms.clinical.access.ClinicalAccess;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.FieldErrors;
import org.asclepius.hms.shared.PatientItems;
import org.asclepius.hms.shared.PatientPage;
import org.asclepius.hms.shared.Roles;

/**
 * Clinical notes: drafts their author edits, signing that freezes them, addenda (anyone treating the patient) and
 * amendments (the author, with a reason) as new signed versions, and entered-in-error with a reason. A signed note
 * is never edited: the attempt is refused with what to do instead.
 */
@Stateless
@Audited(resource = "ClinicalNote")
public class NoteService {
    private static final int SECTION_MAX = 8000;

    @PersistenceContext
    EntityManager em;
    @Inject
    ClinicalContext context;
    @Inject
    ClinicalAccess access;

    /** Starts a draft from a template in an encounter. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.CREATE, resource = "ClinicalNote")
    public NoteRecord startDraft(@PatientRef long patientId, Long encounterId, NoteTemplate template, String title,
                                 Map<String, String> sections) {
        access.require(patientId);
        FieldErrors errors = new FieldErrors();
        errors.required("template", template, "choose a template");
        errors.refuseIfAny();
        String heading = errors.optionalText("title", title, 200);
        LinkedHashMap<String, String> body = body(errors, template, sections);
        errors.refuseIfAny();
        Patient patient = context.writable(patientId);
        Encounter encounter = context.encounter(patient, encounterId);
        ClinicalNote note = new ClinicalNote(patient, encounter, template, heading == null ? template.label() : heading,
                context.caller(), NoteBody.toJson(body));
        note.touch(context.caller(), context.now());
        em.persist(note);
        return saved(note);
    }

    /** Saves a draft again (its author only). A signed note is refused: add an addendum or an amendment. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.UPDATE, resource = "ClinicalNote")
    public NoteRecord saveDraft(long noteId, long version, String title, Map<String, String> sections) {
        ClinicalNote note = lock(noteId, version);
        refuseUnlessDraft(note, "edited");
        refuseUnlessAuthor(note, "edits this draft");
        FieldErrors errors = new FieldErrors();
        String heading = errors.optionalText("title", title, 200);
        LinkedHashMap<String, String> body = body(errors, note.getTemplate(), sections);
        errors.refuseIfAny();
        note.editDraft(heading == null ? note.getTitle() : heading, NoteBody.toJson(body));
        note.touch(context.caller(), context.now());
        return saved(note);
    }

    /** Signs a draft (its author only): version 1, never edited again. An empty note is refused. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.UPDATE, resource = "ClinicalNote")
    public NoteRecord sign(long noteId, long version) {
        ClinicalNote note = lock(noteId, version);
        refuseUnlessDraft(note, "signed again");
        refuseUnlessAuthor(note, "signs this note");
        if (NoteBody.isBlank(NoteBody.fromJson(note.getDraftBody()))) {
            FieldErrors errors = new FieldErrors();
            errors.add("sections", "write at least one section before signing");
            errors.refuseIfAny();
        }
        Instant now = context.now();
        note.sign(context.caller(), now);
        note.touch(context.caller(), now);
        return saved(note);
    }

    /** Adds text to a signed note as a new signed version; anyone treating the patient may. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.UPDATE, resource = "ClinicalNote")
    public NoteRecord addendum(long noteId, long version, String text, String reason) {
        ClinicalNote note = lock(noteId, version);
        refuseUnlessSigned(note, "an addendum");
        FieldErrors errors = new FieldErrors();
        String added = errors.prose("addendum", text, SECTION_MAX);
        if (added == null) {
            errors.add("addendum", "write the addendum");
        }
        String why = errors.optionalText("reason", reason, 300);
        errors.refuseIfAny();
        Instant now = context.now();
        note.addVersion(ClinicalNoteVersion.Kind.ADDENDUM, NoteBody.toJson(Map.of("Addendum", added)), why,
                context.caller(), now);
        note.touch(context.caller(), now);
        return saved(note);
    }

    /**
     * Corrects a signed note (its author only): the corrected text becomes a new signed version with the reason;
     * the earlier versions stay readable.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.UPDATE, resource = "ClinicalNote")
    public NoteRecord amend(long noteId, long version, Map<String, String> sections, String reason) {
        ClinicalNote note = lock(noteId, version);
        refuseUnlessSigned(note, "an amendment");
        refuseUnlessAuthor(note, "amends this note (others add an addendum)");
        FieldErrors errors = new FieldErrors();
        LinkedHashMap<String, String> body = body(errors, note.getTemplate(), sections);
        String why = errors.text("reason", reason, 300, "say what the amendment corrects");
        if (!errors.has("sections") && NoteBody.isBlank(body)) {
            errors.add("sections", "the amended note cannot be empty");
        }
        errors.refuseIfAny();
        Instant now = context.now();
        note.addVersion(ClinicalNoteVersion.Kind.AMENDMENT, NoteBody.toJson(body), why, context.caller(), now);
        note.touch(context.caller(), now);
        return saved(note);
    }

    /** A note written for the wrong patient or in error (its author only): kept, marked, with the reason. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.UPDATE, resource = "ClinicalNote")
    public NoteRecord enteredInError(long noteId, long version, String reason) {
        ClinicalNote note = lock(noteId, version);
        if (note.getStatus() == ClinicalNote.Status.ENTERED_IN_ERROR) {
            throw new DomainException("This note is already marked entered in error.");
        }
        refuseUnlessAuthor(note, "marks this note entered in error");
        FieldErrors errors = new FieldErrors();
        String why = errors.text("reason", reason, 300, "say why the note is in error");
        errors.refuseIfAny();
        note.enteredInError(why);
        note.touch(context.caller(), context.now());
        return saved(note);
    }

    /** One note with every version. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    public NoteRecord find(long noteId) {
        return NoteRecord.of(context.readable(ClinicalNote.class, noteId, "Note", ClinicalNote::getPatient));
    }

    /** The patient's notes (of one encounter, or all), newest first, a page at a time. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientItems<NoteRecord> list(@PatientRef long patientId, Long encounterId, int first, int max) {
        access.require(patientId);
        List<ClinicalNote> notes = em.createQuery("select n from ClinicalNote n where n.patient.id = :p"
                        + " and (:e is null or n.encounter.id = :e) order by n.createdAt desc, n.id desc",
                        ClinicalNote.class)
                .setParameter("p", patientId).setParameter("e", encounterId)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 200))).getResultList();
        return new PatientItems<>(patientId, notes.stream().map(NoteRecord::of).toList());
    }

    /**
     * The patient's signed notes for the API (drafts are never exchanged; a note entered in error after signing is
     * included, its status says so), newest signature first, a page at a time with the number of all matching: of
     * the given templates (null: any), first signed in [{@code from}, {@code to}) (either may be null).
     * {@code max} 0 counts only.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientPage<NoteRecord> searchSigned(@PatientRef long patientId, Set<NoteTemplate> templates,
                                                Instant from, Instant to, int first, int max) {
        access.require(patientId);
        String where = " where n.patient.id = :p and n.signedAt is not null"
                + (templates == null ? "" : " and n.template in :templates")
                + (from == null ? "" : " and n.signedAt >= :from") + (to == null ? "" : " and n.signedAt < :to");
        TypedQuery<Long> count = em.createQuery("select count(n) from ClinicalNote n" + where, Long.class);
        TypedQuery<ClinicalNote> page = em.createQuery("select n from ClinicalNote n" + where
                + " order by n.signedAt desc, n.id desc", ClinicalNote.class);
        for (TypedQuery<?> q : List.of(count, page)) {
            q.setParameter("p", patientId);
            if (templates != null) {
                q.setParameter("templates", templates);
            }
            if (from != null) {
                q.setParameter("from", from);
            }
            if (to != null) {
                q.setParameter("to", to);
            }
        }
        List<NoteRecord> items = max <= 0 ? List.of() : page.setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(max, 200)).getResultStream().map(NoteRecord::of).toList();
        return new PatientPage<>(patientId, items, count.getSingleResult());
    }

    /** Written to the database first, so that the record carries the version the next change must name. */
    private NoteRecord saved(ClinicalNote note) {
        em.flush();
        return NoteRecord.of(note);
    }

    private ClinicalNote lock(long noteId, long version) {
        return context.lockForChange(ClinicalNote.class, noteId, version, "Note", "The note",
                ClinicalNote::getPatient);
    }

    private static void refuseUnlessDraft(ClinicalNote note, String action) {
        switch (note.getStatus()) {
            case DRAFT -> { }
            case ENTERED_IN_ERROR -> throw new DomainException("This note was marked entered in error; it cannot be "
                    + action + ".");
            default -> throw new DomainException("This note was signed by " + note.getSignedBy() + " and cannot be "
                    + action + ": add an addendum, or (its author) an amendment with a reason.");
        }
    }

    private static void refuseUnlessSigned(ClinicalNote note, String what) {
        switch (note.getStatus()) {
            case SIGNED, AMENDED -> { }
            case DRAFT -> throw new DomainException("This note is still a draft: edit it instead of adding " + what
                    + ".");
            case ENTERED_IN_ERROR -> throw new DomainException("This note was marked entered in error; it takes no "
                    + what.replace("an ", "") + ".");
        }
    }

    private void refuseUnlessAuthor(ClinicalNote note, String action) {
        if (!note.getAuthor().equals(context.caller())) {
            throw new DomainException("Only the author (" + note.getAuthor() + ") " + action + ".");
        }
    }

    private static LinkedHashMap<String, String> body(FieldErrors errors, NoteTemplate template,
                                                      Map<String, String> sections) {
        if (template == null) {
            return new LinkedHashMap<>();
        }
        List<String> unknown = NoteBody.unknownSections(template, sections);
        if (!unknown.isEmpty()) {
            errors.add("sections", "not a section of the " + template.label() + ": " + String.join(", ", unknown));
        }
        LinkedHashMap<String, String> body = NoteBody.of(template, sections);
        for (Map.Entry<String, String> section : body.entrySet()) {
            String text = errors.prose("sections", section.getValue(), SECTION_MAX);
            section.setValue(text == null ? "" : text);
        }
        return body;
    }
}
