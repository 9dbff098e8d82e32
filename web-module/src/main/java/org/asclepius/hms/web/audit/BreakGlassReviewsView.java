package org.asclepius.hms.web.audit;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.asclepius.hms.clinical.access.AccessGrant;
import org.asclepius.hms.clinical.access.AccessGrantRecord;
import org.asclepius.hms.clinical.access.BreakGlassService;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.PagedModel;
import org.asclepius.hms.web.shared.Pages;
import org.primefaces.PrimeFaces;

/**
 * /audit/break-glass-reviews.xhtml (privacy officer): the break-the-glass accesses waiting for review, newest first
 * (who, which patient, the reason, granted when and until when), each judged appropriate or not appropriate (a note
 * is required then), and below them the ones reviewed already. Both lists are paged by the service.
 */
@Named
@ViewScoped
public class BreakGlassReviewsView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;
    static final String REVIEW_FORM = "reviewForm";
    static final FieldMessages REVIEW_FIELDS = new FieldMessages.Builder()
            .field("finding", "reviewFinding", "Finding")
            .field("note", "reviewNote", "Note")
            .build();

    @Inject
    BreakGlassService breakGlass;

    private PagedModel<AccessGrantRecord> pending;
    private PagedModel<AccessGrantRecord> reviewed;
    private AccessGrantRecord reviewing;
    private AccessGrant.Review finding;
    private String note;

    @PostConstruct
    void init() {
        pending = new PagedModel<>(this::pendingPage, g -> String.valueOf(g.id()), PAGE_SIZE);
        reviewed = new PagedModel<>(this::reviewedPage, g -> String.valueOf(g.id()), PAGE_SIZE);
    }

    private Page<AccessGrantRecord> pendingPage(int first, int max) {
        return breakGlass.reviews(true, first, max);
    }

    private Page<AccessGrantRecord> reviewedPage(int first, int max) {
        return breakGlass.reviews(false, first, max);
    }

    /** Opens the review of one access with the finding chosen on its row. */
    public void startReview(AccessGrantRecord grant, AccessGrant.Review chosen) {
        reviewing = grant;
        finding = chosen;
        note = null;
    }

    public void confirmReview() {
        if (reviewing == null) {
            return;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            AccessGrantRecord done = breakGlass.review(reviewing.id(), reviewing.version(), finding, note);
            Pages.message(FacesMessage.SEVERITY_INFO, "Reviewed: " + done.userName() + "'s access to "
                    + done.patientName() + " (MRN " + done.mrn() + ") — " + label(done.review()).toLowerCase(
                    java.util.Locale.ROOT) + ".");
            reviewing = null;
            init();
            PrimeFaces.current().executeScript("PF('reviewDialog').hide()");
        } catch (InvalidInputException e) {
            REVIEW_FIELDS.show(context, REVIEW_FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            reviewing = null;
            init();
            PrimeFaces.current().executeScript("PF('reviewDialog').hide()");
        }
    }

    public String label(AccessGrant.Review review) {
        return review == null ? "" : switch (review) {
            case PENDING -> "Waiting for review";
            case APPROPRIATE -> "Appropriate";
            case INAPPROPRIATE -> "Not appropriate";
        };
    }

    public AccessGrant.Review[] getFindings() {
        return new AccessGrant.Review[] {AccessGrant.Review.APPROPRIATE, AccessGrant.Review.INAPPROPRIATE};
    }

    public PagedModel<AccessGrantRecord> getPending() { return pending; }
    public PagedModel<AccessGrantRecord> getReviewed() { return reviewed; }
    public AccessGrantRecord getReviewing() { return reviewing; }
    public AccessGrant.Review getFinding() { return finding; }
    public void setFinding(AccessGrant.Review finding) { this.finding = finding; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
