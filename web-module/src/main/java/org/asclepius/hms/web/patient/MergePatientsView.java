package org.asclepius.hms.web.patient;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.List;
import org.asclepius.hms.patient.DuplicateFinder;
import org.asclepius.hms.patient.DuplicateReviewItem;
import org.asclepius.hms.patient.IdentifierTypeService;
import org.asclepius.hms.patient.IdentifierTypes;
import org.asclepius.hms.patient.PatientMergeRecord;
import org.asclepius.hms.patient.PatientMergeService;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.coverage.CoverageRecord;
import org.asclepius.hms.patient.coverage.CoverageService;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.web.shared.CurrentUser;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/**
 * /patient/merge-patients.xhtml?a=ID&amp;b=ID[&amp;review=ID]: two patient records side by side; the records officer
 * chooses the one to keep and merges the other into it, or (from the worklist) records that they are different
 * people. Without {@code b}, the second record is loaded by its MRN (e.g. the real identity of an emergency
 * registration).
 */
@Named
@ViewScoped
public class MergePatientsView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "mergeForm";

    @Inject
    PatientService patients;
    @Inject
    PatientMergeService merges;
    @Inject
    CoverageService coverages;
    @Inject
    DuplicateFinder finder;
    @Inject
    IdentifierTypeService identifierTypeService;
    @Inject
    CurrentUser user;

    private Long a;
    private Long b;
    private Long review;
    private PatientRecord left;
    private PatientRecord right;
    private List<CoverageRecord> leftCoverage = List.of();
    private List<CoverageRecord> rightCoverage = List.of();
    private IdentifierTypes identifierTypes;
    private String keep = "left";
    private String reason;
    private String otherMrn;
    private DuplicateReviewItem reviewItem;

    /** viewAction. */
    public void load() {
        if (!user.isCanMerge()) {
            Pages.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        try {
            if (review != null && (a == null || b == null)) {
                reviewItem = finder.item(review);
                a = reviewItem.first().id();
                b = reviewItem.second().id();
            }
            if (a == null) {
                Pages.status(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            identifierTypes = identifierTypeService.catalog();
            left = patients.get(a);
            leftCoverage = coverages.forPatient(a);
            if (b != null) {
                loadRight(patients.get(b));
            }
        } catch (NotFoundException e) {
            Pages.status(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** Loads the second record by the MRN typed in. */
    public void compare() {
        try {
            PatientRecord other = patients.getByMrn(otherMrn);
            if (other.id() == left.id()) {
                FieldMessages.error(FacesContext.getCurrentInstance(), FORM, "otherMrn",
                        "this is the record on the left; enter the MRN of the other record");
                return;
            }
            loadRight(other);
        } catch (InvalidInputException e) {
            FieldMessages.error(FacesContext.getCurrentInstance(), FORM, "otherMrn", e.getFieldErrors().get("mrn"));
        } catch (NotFoundException e) {
            FieldMessages.error(FacesContext.getCurrentInstance(), FORM, "otherMrn", "no patient has this MRN");
        }
    }

    private void loadRight(PatientRecord other) {
        right = other;
        b = other.id();
        rightCoverage = coverages.forPatient(other.id());
        // keep the identified record; between two, the older one (its MRN is on more documents)
        if (left.unidentified() != right.unidentified()) {
            keep = left.unidentified() ? "right" : "left";
        } else {
            keep = left.id() < right.id() ? "left" : "right";
        }
    }

    public String merge() {
        PatientRecord survivor = "left".equals(keep) ? left : right;
        PatientRecord retired = survivor == left ? right : left;
        try {
            PatientMergeRecord done = merges.merge(survivor.id(), survivor.version(), retired.id(), retired.version(),
                    reason, review);
            Pages.flash(FacesMessage.SEVERITY_INFO, "MRN " + done.retiredMrn() + " was merged into MRN "
                    + done.survivorMrn() + ".");
            return "/patient/patient-summary?faces-redirect=true&id=" + done.survivorId();
        } catch (InvalidInputException e) {
            FieldMessages.MERGE_FORM.show(FacesContext.getCurrentInstance(), FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        return null;
    }

    public String markDifferent() {
        try {
            finder.markDifferent(review);
            Pages.flash(FacesMessage.SEVERITY_INFO, "Recorded as different people; the pair left the worklist.");
            return "/patient/duplicate-review?faces-redirect=true";
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            return null;
        }
    }

    public String identifierLabel(String code) {
        return identifierTypes == null ? code : identifierTypes.label(code);
    }

    /** Whether a field differs between the two records (highlighted on the screen). */
    public boolean differs(Object leftValue, Object rightValue) {
        return right != null && !java.util.Objects.equals(leftValue, rightValue);
    }

    public Long getA() { return a; }
    public void setA(Long a) { this.a = a; }
    public Long getB() { return b; }
    public void setB(Long b) { this.b = b; }
    public Long getReview() { return review; }
    public void setReview(Long review) { this.review = review; }
    public PatientRecord getLeft() { return left; }
    public PatientRecord getRight() { return right; }
    public List<CoverageRecord> getLeftCoverage() { return leftCoverage; }
    public List<CoverageRecord> getRightCoverage() { return rightCoverage; }
    public String getKeep() { return keep; }
    public void setKeep(String keep) { this.keep = keep; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getOtherMrn() { return otherMrn; }
    public void setOtherMrn(String otherMrn) { this.otherMrn = otherMrn; }
}
