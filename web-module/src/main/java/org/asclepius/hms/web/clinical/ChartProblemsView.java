package org.asclepius.hms.web.clinical;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.clinical.problems.ClinicalStatus;
import org.asclepius.hms.clinical.problems.ConditionCategory;
import org.asclepius.hms.clinical.problems.ConditionEntry;
import org.asclepius.hms.clinical.problems.ConditionRecord;
import org.asclepius.hms.clinical.problems.ConditionService;
import org.asclepius.hms.clinical.problems.DiagnosisRank;
import org.asclepius.hms.clinical.problems.Verification;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/**
 * The chart's Problems tab: the problem list and the encounter diagnoses (resolved and entered-in-error ones on
 * request), adding a problem or a diagnosis with an ICD-10-CM code found as one types, resolving, ranking a
 * diagnosis primary, and entered in error with a reason.
 */
@Named
@ViewScoped
public class ChartProblemsView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "chartTabs:problemsForm";
    static final FieldMessages ADD_FIELDS = new FieldMessages.Builder()
            .field("category", "condCategory", "Problem or diagnosis")
            .field("code", "condCode", "ICD-10-CM code")
            .field("encounterId", "condEncounter", "Encounter")
            .field("rank", "condRank", "Rank")
            .field("onsetDate", "condOnset", "Onset")
            .field("verification", "condVerification", "Verification")
            .field("note", "condNote", "Note")
            .build();

    @Inject
    ConditionService conditions;
    @Inject
    ChartView chart;

    private int loadedVisit = -1;
    private List<ConditionRecord> list;
    private boolean withInactive;
    // adding
    private boolean adding;
    private ConditionCategory category = ConditionCategory.PROBLEM;
    private String code;
    private Long encounterId;
    private DiagnosisRank rank;
    private LocalDate onset;
    private Verification verification = Verification.CONFIRMED;
    private String note;
    private final ReasonPrompt<ConditionRecord> error = new ReasonPrompt<>(FORM, "condErrorReason");

    public List<ConditionRecord> getList() {
        if (loadedVisit != chart.getVisit()) {
            loadedVisit = chart.getVisit();
            list = null;
        }
        if (list == null) {
            list = conditions.list(chart.getPatientIdValue(), null, null, !withInactive).items();
        }
        return list;
    }

    public void reload() {
        list = null;
    }

    /** ICD-10-CM codes for the text typed: "E11.9 Type 2 diabetes mellitus without complications". */
    public List<String> completeCode(String text) {
        return conditions.searchCodes(text, 20).stream().map(c -> c.code() + " " + c.display()).toList();
    }

    public void startAdd() {
        adding = true;
        error.close();
        category = ConditionCategory.PROBLEM;
        code = null;
        encounterId = chart.getDefaultEncounter();
        rank = null;
        onset = null;
        verification = Verification.CONFIRMED;
        note = null;
    }

    public void add() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            String typed = code == null ? null : code.strip().split("\\s+", 2)[0];
            boolean diagnosis = category == ConditionCategory.DIAGNOSIS;
            ConditionRecord c = conditions.add(chart.getPatientIdValue(), new ConditionEntry(category,
                    diagnosis ? encounterId : null, typed, onset, ClinicalStatus.ACTIVE, verification,
                    diagnosis ? rank : null, note));
            Pages.message(FacesMessage.SEVERITY_INFO, (diagnosis ? "Diagnosis" : "Problem") + " recorded: "
                    + c.code().code() + " " + c.code().display() + ".");
            adding = false;
            list = null;
            chart.changed();
        } catch (InvalidInputException e) {
            ADD_FIELDS.show(context, FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            context.validationFailed();
        }
    }

    public void cancelAdd() {
        adding = false;
    }

    public void resolve(ConditionRecord c) {
        change(() -> conditions.update(c.id(), c.version(), ClinicalStatus.RESOLVED, c.verification(), null,
                c.note()), "Resolved: ");
    }

    public void makePrimary(ConditionRecord c) {
        change(() -> conditions.rank(c.id(), c.version(), DiagnosisRank.PRIMARY), "Primary diagnosis: ");
    }

    public void startError(ConditionRecord c) {
        adding = false;
        error.open(c);
    }

    public void confirmError() {
        if (error.confirm((r, why) -> conditions.enteredInError(r.id(), r.version(), why), c -> "Marked entered in error: " + c.code().code() + ".")) {
            list = null;
        }
    }

    public void keep() {
        error.close();
    }

    private void change(java.util.function.Supplier<ConditionRecord> action, String done) {
        try {
            ConditionRecord c = action.get();
            Pages.message(FacesMessage.SEVERITY_INFO, done + c.code().code() + " " + c.code().display() + ".");
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        list = null;
    }

    public boolean canChange(ConditionRecord c) {
        return chart.isCanRecord() && !c.enteredInError();
    }

    public boolean canResolve(ConditionRecord c) {
        return canChange(c) && c.clinicalStatus().active();
    }

    public boolean canMakePrimary(ConditionRecord c) {
        return chart.isPhysician() && !c.enteredInError() && c.category() == ConditionCategory.DIAGNOSIS
                && c.rank() != DiagnosisRank.PRIMARY;
    }

    public ConditionCategory[] getCategories() { return ConditionCategory.values(); }
    public DiagnosisRank[] getRanks() { return DiagnosisRank.values(); }
    public List<Verification> getVerifications() {
        return List.of(Verification.CONFIRMED, Verification.PROVISIONAL, Verification.DIFFERENTIAL,
                Verification.UNCONFIRMED);
    }
    public boolean isWithInactive() { return withInactive; }
    public void setWithInactive(boolean withInactive) { this.withInactive = withInactive; }
    public boolean isAdding() { return adding; }
    public ConditionCategory getCategory() { return category; }
    public void setCategory(ConditionCategory category) { this.category = category; }
    public boolean isDiagnosis() { return category == ConditionCategory.DIAGNOSIS; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public Long getEncounterId() { return encounterId; }
    public void setEncounterId(Long encounterId) { this.encounterId = encounterId; }
    public DiagnosisRank getRank() { return rank; }
    public void setRank(DiagnosisRank rank) { this.rank = rank; }
    public LocalDate getOnset() { return onset; }
    public void setOnset(LocalDate onset) { this.onset = onset; }
    public Verification getVerification() { return verification; }
    public void setVerification(Verification verification) { this.verification = verification; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public ConditionRecord getInError() { return error.target(); }
    public String getErrorReason() { return error.reason(); }
    public void setErrorReason(String errorReason) { error.reason(errorReason); }
}
