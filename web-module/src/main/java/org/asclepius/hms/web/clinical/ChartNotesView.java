package org.asclepius.hms.web.clinical;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.clinical.notes.ClinicalNote;
import org.asclepius.hms.clinical.notes.NoteRecord;
import org.asclepius.hms.clinical.notes.NoteService;
import org.asclepius.hms.clinical.notes.NoteTemplate;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/**
 * The chart's Notes tab: the patient's notes newest first; a new note from a template (one text area per section),
 * saved as a draft and edited until its author signs it (after a confirmation); a signed note shows its versions and
 * addenda, takes an addendum (anyone treating the patient) or an amendment with a reason (its author), and may be
 * marked entered in error with a reason. Editing a signed note is refused by the service, and its message is shown.
 */
@Named
@ViewScoped
public class ChartNotesView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "chartTabs:notesForm";
    static final FieldMessages EDITOR_FIELDS = new FieldMessages.Builder()
            .field("template", "noteTemplate", "Template")
            .field("title", "noteTitle", "Title")
            .field("encounterId", "noteEncounter", "Encounter")
            .field("reason", "noteReason", "Reason for the amendment")
            .label("sections", "Note")
            .build();
    static final FieldMessages ADDENDUM_FIELDS = new FieldMessages.Builder()
            .field("addendum", "addendumText", "Addendum")
            .field("reason", "addendumReason", "Reason")
            .build();
    static final FieldMessages ERROR_FIELDS = new FieldMessages.Builder()
            .field("reason", "noteErrorReason", "Reason")
            .build();
    static final int LIST_MAX = 100;
    /** Message keys of the refusals shown in the editor and in the note's panel. */
    static final String EDITOR_PROBLEM = "noteEditorProblem";
    static final String NOTE_PROBLEM = "noteProblem";

    /** What the editor is doing. */
    public enum Mode { NEW, EDIT, AMEND }

    @Inject
    NoteService notes;
    @Inject
    ChartView chart;

    private int loadedVisit = -1;
    private List<NoteRecord> list;
    private NoteRecord selected;
    // the editor
    private Mode mode;
    private NoteTemplate template = NoteTemplate.SOAP;
    private String title;
    private Long encounterId;
    private boolean encounterChosen;
    private LinkedHashMap<String, String> sections = new LinkedHashMap<>();
    private String amendReason;
    // addendum, entered in error
    private boolean addingAddendum;
    private String addendum;
    private String addendumReason;
    private boolean markingError;
    private String errorReason;

    public List<NoteRecord> getList() {
        if (loadedVisit != chart.getVisit()) {
            loadedVisit = chart.getVisit();
            list = null;
            if (selected != null) {
                refreshSelected(selected.id());
            }
        }
        if (list == null) {
            list = notes.list(chart.getPatientIdValue(), null, 0, LIST_MAX).items();
        }
        return list;
    }

    private void refreshSelected(long id) {
        try {
            selected = notes.find(id);
        } catch (NotFoundException e) {
            selected = null;
        }
    }

    public void select(NoteRecord note) {
        closePanels();
        refreshSelected(note.id());
    }

    private void closePanels() {
        mode = null;
        addingAddendum = false;
        markingError = false;
    }

    // ---- the editor ----

    public void newNote() {
        closePanels();
        selected = null;
        mode = Mode.NEW;
        template = NoteTemplate.SOAP;
        title = null;
        encounterChosen = false;
        encounterId = null;
        sections = blank(template);
    }

    /** The template changed in a new note: its sections, keeping what was written in sections of the same name. */
    public void templateChanged() {
        LinkedHashMap<String, String> next = blank(template == null ? NoteTemplate.SOAP : template);
        next.replaceAll((section, text) -> sections.getOrDefault(section, ""));
        sections = next;
    }

    private static LinkedHashMap<String, String> blank(NoteTemplate template) {
        LinkedHashMap<String, String> body = new LinkedHashMap<>();
        template.sections().forEach(s -> body.put(s, ""));
        return body;
    }

    /** Edits the selected note: its author's draft (a signed note is refused by the service when saved). */
    public void edit() {
        if (selected == null) {
            return;
        }
        closePanels();
        mode = Mode.EDIT;
        template = selected.template();
        title = selected.title();
        sections = withTemplate(selected);
    }

    /** Amends the selected signed note (its author): the corrected text and the reason. */
    public void amend() {
        if (selected == null) {
            return;
        }
        closePanels();
        mode = Mode.AMEND;
        template = selected.template();
        title = selected.title();
        amendReason = null;
        sections = withTemplate(selected);
    }

    private static LinkedHashMap<String, String> withTemplate(NoteRecord note) {
        LinkedHashMap<String, String> body = blank(note.template());
        body.replaceAll((section, text) -> note.sections().getOrDefault(section, ""));
        return body;
    }

    public void cancelEditor() {
        mode = null;
    }

    /** Saves the draft (a new note starts one); the editor stays open on the draft. */
    public void save() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            NoteRecord saved;
            switch (mode) {
                case NEW -> saved = notes.startDraft(chart.getPatientIdValue(), getEncounterId(), template, title,
                        sections);
                case EDIT -> saved = notes.saveDraft(selected.id(), selected.version(), title, sections);
                case AMEND -> saved = notes.amend(selected.id(), selected.version(), sections, amendReason);
                default -> throw new IllegalStateException();
            }
            Pages.message(FacesMessage.SEVERITY_INFO, switch (mode) {
                case AMEND -> "Amendment signed: " + saved.title() + ".";
                default -> "Draft saved: " + saved.title() + ".";
            });
            selected = saved;
            mode = mode == Mode.AMEND ? null : Mode.EDIT;
            list = null;
            chart.changed();
        } catch (InvalidInputException e) {
            EDITOR_FIELDS.show(context, FORM, e);
        } catch (DomainException e) {
            problem(context, EDITOR_PROBLEM, e.getMessage());
        }
    }

    /** A refusal shown in the panel the user is working in (the page's messages may be scrolled out of sight). */
    private static void problem(FacesContext context, String key, String message) {
        context.addMessage(key, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
        context.validationFailed();
    }

    /** Signs the selected draft (after the confirmation): it is never edited again. */
    public void sign() {
        if (selected == null) {
            return;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            selected = notes.sign(selected.id(), selected.version());
            Pages.message(FacesMessage.SEVERITY_INFO, "Signed: " + selected.title() + ".");
            closePanels();
            list = null;
            chart.changed();
        } catch (InvalidInputException e) {
            problem(context, NOTE_PROBLEM, e.getFieldErrors().values().iterator().next());
        } catch (DomainException e) {
            problem(context, NOTE_PROBLEM, e.getMessage());
        }
    }

    // ---- addendum, entered in error ----

    public void startAddendum() {
        closePanels();
        addingAddendum = true;
        addendum = null;
        addendumReason = null;
    }

    public void addAddendum() {
        if (selected == null) {
            return;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            selected = notes.addendum(selected.id(), selected.version(), addendum, addendumReason);
            Pages.message(FacesMessage.SEVERITY_INFO, "Addendum signed.");
            addingAddendum = false;
            list = null;
            chart.changed();
        } catch (InvalidInputException e) {
            ADDENDUM_FIELDS.show(context, FORM, e);
        } catch (DomainException e) {
            problem(context, NOTE_PROBLEM, e.getMessage());
        }
    }

    public void startError() {
        closePanels();
        markingError = true;
        errorReason = null;
    }

    public void markError() {
        if (selected == null) {
            return;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            selected = notes.enteredInError(selected.id(), selected.version(), errorReason);
            Pages.message(FacesMessage.SEVERITY_INFO, "Marked entered in error: " + selected.title() + ".");
            markingError = false;
            list = null;
            chart.changed();
        } catch (InvalidInputException e) {
            ERROR_FIELDS.show(context, FORM, e);
        } catch (DomainException e) {
            problem(context, NOTE_PROBLEM, e.getMessage());
        }
    }

    public void cancelPanel() {
        closePanels();
    }

    // ---- what the selected note offers (the service decides) ----

    public boolean isMine() {
        return selected != null && selected.author().equals(chart.getUserName());
    }

    public boolean isSignedNote() {
        return selected != null && (selected.status() == ClinicalNote.Status.SIGNED
                || selected.status() == ClinicalNote.Status.AMENDED);
    }

    public boolean isCanEdit() {
        return chart.isCanRecord() && isMine() && (selected.draft() || isSignedNote());
    }

    public boolean isCanSign() {
        return chart.isCanRecord() && isMine() && selected.draft();
    }

    public boolean isCanAddAddendum() {
        return chart.isCanRecord() && isSignedNote();
    }

    public boolean isCanAmend() {
        return chart.isCanRecord() && isMine() && isSignedNote();
    }

    public boolean isCanMarkError() {
        return chart.isCanRecord() && isMine() && selected.status() != ClinicalNote.Status.ENTERED_IN_ERROR;
    }

    public NoteTemplate[] getTemplates() {
        return NoteTemplate.values();
    }

    public List<String> getSectionNames() {
        return List.copyOf(sections.keySet());
    }

    /** The chosen encounter, by default the latest open one. */
    public Long getEncounterId() {
        return encounterChosen ? encounterId : chart.getDefaultEncounter();
    }

    public void setEncounterId(Long encounterId) {
        this.encounterId = encounterId;
        this.encounterChosen = true;
    }

    public NoteRecord getSelected() { return selected; }
    public Mode getMode() { return mode; }
    public boolean isEditing() { return mode != null; }
    public NoteTemplate getTemplate() { return template; }
    public void setTemplate(NoteTemplate template) { this.template = template; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Map<String, String> getSections() { return sections; }
    public String getAmendReason() { return amendReason; }
    public void setAmendReason(String amendReason) { this.amendReason = amendReason; }
    public boolean isAddingAddendum() { return addingAddendum; }
    public String getAddendum() { return addendum; }
    public void setAddendum(String addendum) { this.addendum = addendum; }
    public String getAddendumReason() { return addendumReason; }
    public void setAddendumReason(String addendumReason) { this.addendumReason = addendumReason; }
    public boolean isMarkingError() { return markingError; }
    public String getErrorReason() { return errorReason; }
    public void setErrorReason(String errorReason) { this.errorReason = errorReason; }
}
