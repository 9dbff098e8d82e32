package org.asclepius.hms.web.clinical;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.clinical.allergies.Allergy;
import org.asclepius.hms.clinical.allergies.AllergyEntry;
import org.asclepius.hms.clinical.allergies.AllergyList;
import org.asclepius.hms.clinical.allergies.AllergyRecord;
import org.asclepius.hms.clinical.allergies.AllergyService;
import org.asclepius.hms.clinical.coding.AllergenCategory;
import org.asclepius.hms.clinical.coding.AllergenRecord;
import org.asclepius.hms.clinical.coding.AllergenService;
import org.asclepius.hms.shared.CodeSystems;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/**
 * The chart's Allergies tab: the allergies with reaction, severity, status and verification, "no known allergies"
 * recorded explicitly, recording an allergy to an allergen found as one types (RxNorm ingredients, the hospital's
 * list), marking one inactive, and entered in error with a reason.
 */
@Named
@ViewScoped
public class ChartAllergiesView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "chartTabs:allergiesForm";
    static final FieldMessages RECORD_FIELDS = new FieldMessages.Builder()
            .field("allergen", "algAllergen", "Allergen")
            .field("reaction", "algReaction", "Reaction")
            .field("onsetDate", "algOnset", "Onset")
            .field("verification", "algVerification", "Verification")
            .field("note", "algNote", "Note")
            .build();

    @Inject
    AllergyService allergies;
    @Inject
    AllergenService allergens;
    @Inject
    ChartView chart;

    private int loadedVisit = -1;
    private AllergyList list;
    private boolean withErrors;
    // recording
    private boolean recording;
    private AllergenCategory allergenCategory;
    private String allergen;
    private final Map<String, AllergenRecord> offered = new LinkedHashMap<>();
    private Allergy.Type type = Allergy.Type.ALLERGY;
    private String reaction;
    private Allergy.Severity severity;
    private Allergy.Verification verification = Allergy.Verification.CONFIRMED;
    private LocalDate onset;
    private String note;
    private final ReasonPrompt<AllergyRecord> error = new ReasonPrompt<>(FORM, "algErrorReason");

    public AllergyList getList() {
        if (loadedVisit != chart.getVisit()) {
            loadedVisit = chart.getVisit();
            list = null;
        }
        if (list == null) {
            list = allergies.list(chart.getPatientIdValue(), withErrors);
        }
        return list;
    }

    public void reload() {
        list = null;
    }

    /** Allergens for the text typed (of the chosen kind): "Penicillin G (RxNorm 7980)". */
    public List<String> completeAllergen(String text) {
        offered.clear();
        for (AllergenRecord a : allergens.search(text, allergenCategory, 20)) {
            offered.put(label(a), a);
        }
        return List.copyOf(offered.keySet());
    }

    static String label(AllergenRecord a) {
        return a.display() + " (" + (CodeSystems.RXNORM.equals(a.system()) ? "RxNorm " + a.code()
                : a.category().label().toLowerCase(java.util.Locale.ROOT)) + ")";
    }

    public void startRecord() {
        recording = true;
        error.close();
        allergen = null;
        allergenCategory = null;
        type = Allergy.Type.ALLERGY;
        reaction = null;
        severity = null;
        verification = Allergy.Verification.CONFIRMED;
        onset = null;
        note = null;
    }

    public void record() {
        FacesContext context = FacesContext.getCurrentInstance();
        AllergenRecord chosen = allergen == null ? null : offered.get(allergen);
        try {
            AllergyRecord a = allergies.record(chart.getPatientIdValue(), new AllergyEntry(chart.getDefaultEncounter(),
                    chosen == null ? null : chosen.system(), chosen == null ? allergen : chosen.code(), type,
                    reaction, severity, verification, onset, note));
            Pages.message(FacesMessage.SEVERITY_INFO, "Allergy recorded: " + a.summary() + ".");
            recording = false;
            list = null;
            chart.changed();
        } catch (InvalidInputException e) {
            RECORD_FIELDS.show(context, FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            context.validationFailed();
        }
    }

    public void cancelRecord() {
        recording = false;
    }

    public void noKnownAllergies() {
        try {
            list = allergies.noKnownAllergies(chart.getPatientIdValue());
            Pages.message(FacesMessage.SEVERITY_INFO, "Recorded: no known allergies.");
            chart.changed();
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
    }

    public void markInactive(AllergyRecord a) {
        try {
            AllergyRecord changed = allergies.update(a.id(), a.version(), Allergy.Status.INACTIVE, a.verification(),
                    a.reaction(), a.severity(), a.note());
            Pages.message(FacesMessage.SEVERITY_INFO, "Marked inactive: " + changed.allergen().display() + ".");
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        list = null;
    }

    public void startError(AllergyRecord a) {
        recording = false;
        error.open(a);
    }

    public void confirmError() {
        if (error.confirm((r, why) -> allergies.enteredInError(r.id(), r.version(), why), a -> "Marked entered in error: " + a.allergen().display() + ".")) {
            list = null;
        }
    }

    public void keep() {
        error.close();
    }

    /** Recording allergies (mirrors AllergyService.record: physicians, nurses, pharmacists). */
    public boolean isCanRecord() {
        return chart.isCanReportMedication();
    }

    public boolean canChange(AllergyRecord a) {
        return isCanRecord() && a.verification() != Allergy.Verification.ENTERED_IN_ERROR;
    }

    public AllergenCategory[] getAllergenCategories() { return AllergenCategory.values(); }
    public Allergy.Type[] getTypes() { return Allergy.Type.values(); }
    public Allergy.Severity[] getSeverities() { return Allergy.Severity.values(); }
    public List<Allergy.Verification> getVerifications() {
        return List.of(Allergy.Verification.CONFIRMED, Allergy.Verification.UNCONFIRMED);
    }
    public boolean isWithErrors() { return withErrors; }
    public void setWithErrors(boolean withErrors) { this.withErrors = withErrors; }
    public boolean isRecording() { return recording; }
    public AllergenCategory getAllergenCategory() { return allergenCategory; }
    public void setAllergenCategory(AllergenCategory allergenCategory) { this.allergenCategory = allergenCategory; }
    public String getAllergen() { return allergen; }
    public void setAllergen(String allergen) { this.allergen = allergen; }
    public Allergy.Type getType() { return type; }
    public void setType(Allergy.Type type) { this.type = type; }
    public String getReaction() { return reaction; }
    public void setReaction(String reaction) { this.reaction = reaction; }
    public Allergy.Severity getSeverity() { return severity; }
    public void setSeverity(Allergy.Severity severity) { this.severity = severity; }
    public Allergy.Verification getVerification() { return verification; }
    public void setVerification(Allergy.Verification verification) { this.verification = verification; }
    public LocalDate getOnset() { return onset; }
    public void setOnset(LocalDate onset) { this.onset = onset; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public AllergyRecord getInError() { return error.target(); }
    public String getErrorReason() { return error.reason(); }
    public void setErrorReason(String errorReason) { error.reason(errorReason); }
}
