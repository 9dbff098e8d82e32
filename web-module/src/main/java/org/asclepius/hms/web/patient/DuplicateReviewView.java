package org.asclepius.hms.web.patient;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import org.asclepius.hms.batch.BatchJobs;
import org.asclepius.hms.patient.DuplicateFinder;
import org.asclepius.hms.patient.DuplicateReviewItem;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.web.shared.CurrentUser;
import org.asclepius.hms.web.shared.PagedModel;
import org.asclepius.hms.web.shared.Pages;

/**
 * /patient/duplicate-review.xhtml: the worklist of likely duplicate pairs found by the duplicate-patient-finder
 * job, highest score first, and the button that starts a new scan (with its progress).
 */
@Named
@ViewScoped
public class DuplicateReviewView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 20;

    @Inject
    DuplicateFinder finder;
    @Inject
    BatchJobs jobs;
    @Inject
    CurrentUser user;

    private PagedModel<DuplicateReviewItem> items;
    private Long execution;

    @PostConstruct
    void init() {
        items = new PagedModel<>(this::fetch, item -> Long.toString(item.id()), PAGE_SIZE);
    }

    /** viewAction: administrators, privacy officers and records officers see the worklist. */
    public void checkAccess() {
        if (!user.isCanAudit() && !user.isCanMerge()) {
            Pages.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    public void startScan() {
        execution = jobs.startDuplicateFinder();
        Pages.message(FacesMessage.SEVERITY_INFO, "Duplicate scan started (run " + execution + ").");
    }

    /** The scan's state for the poll: STARTING, STARTED, COMPLETED, FAILED… (empty before a scan). */
    public String getScanStatus() {
        return execution == null ? "" : jobs.status(execution).name();
    }

    public boolean isScanRunning() {
        String status = getScanStatus();
        return status.equals("STARTING") || status.equals("STARTED");
    }

    private Page<DuplicateReviewItem> fetch(int first, int max) {
        return finder.openItems(first, max);
    }

    public PagedModel<DuplicateReviewItem> getItems() {
        return items;
    }
}
