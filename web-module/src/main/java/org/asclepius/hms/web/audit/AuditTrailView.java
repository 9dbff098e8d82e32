package org.asclepius.hms.web.audit;

import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.asclepius.hms.audit.AuditRecord;
import org.asclepius.hms.audit.AuditSealer;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.audit.AuditVerification;
import org.asclepius.hms.audit.VerificationReport;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.web.shared.PagedModel;
import org.primefaces.component.datatable.DataTable;

/**
 * /audit/audit-trail.xhtml (privacy officer, admin): the audit trail newest first, optionally for one patient
 * ("who viewed this record", also reached as {@code ?patientId=N}) or one user; and verification of the
 * hash chain.
 */
@Named
@ViewScoped
public class AuditTrailView implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int PAGE_SIZE = 25;

    @Inject
    AuditTrail trail;
    @Inject
    AuditSealer sealer;
    @Inject
    AuditVerification verification;

    private Long patientId;
    private String userName;
    private Long shownPatientId;
    private String shownUserName;
    private PagedModel<AuditRecord> events;
    private VerificationReport report;

    @PostConstruct
    void init() {
        events = model();
    }

    /** viewAction: applies {@code ?patientId=} from the link on a patient's summary. */
    public void open() {
        filter();
    }

    public void filter() {
        shownPatientId = patientId;
        shownUserName = userName == null || userName.isBlank() ? null : userName.trim();
        events = model();
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent("auditForm:auditTable");
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }

    public void clear() {
        patientId = null;
        userName = null;
        filter();
    }

    private PagedModel<AuditRecord> model() {
        return new PagedModel<>(this::fetch, row -> String.valueOf(row.id()), PAGE_SIZE);
    }

    private Page<AuditRecord> fetch(int first, int max) {
        return trail.search(shownPatientId, shownUserName, first, max);
    }

    /** Seals what is pending (so the newest events are covered too), then verifies the whole chain. */
    public void verify() {
        sealer.sealPending();
        report = verification.verify();
    }

    /** The report in words: "Intact: …" or the first problem. */
    public String getReportText() {
        if (report == null) {
            return "";
        }
        if (report.intact()) {
            return "Intact: " + report.blocksChecked() + " blocks and " + report.eventsChecked()
                    + " events checked; no event was altered, inserted or deleted.";
        }
        StringBuilder text = new StringBuilder("Problem found");
        VerificationReport.Problem p = report.firstProblem();
        if (p != null) {
            text.append(" in block ").append(p.blockNo());
            if (p.position() != null) {
                text.append(", position ").append(p.position());
            }
            if (p.eventId() != null) {
                text.append(", event ").append(p.eventId());
            }
            text.append(": ").append(p.message());
        }
        if (!report.unsealedOverdueEventIds().isEmpty()) {
            text.append(p == null ? ": " : ". Also: ")
                    .append(report.unsealedOverdueEventIds().size())
                    .append(" event(s) older than the sealing window are not sealed, first ids ")
                    .append(report.unsealedOverdueEventIds().subList(0,
                            Math.min(10, report.unsealedOverdueEventIds().size())));
        }
        return text.append('.').toString();
    }

    public VerificationReport getReport() {
        return report;
    }

    public PagedModel<AuditRecord> getEvents() {
        return events;
    }

    public Long getPatientId() {
        return patientId;
    }

    public void setPatientId(Long patientId) {
        this.patientId = patientId;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public Long getShownPatientId() {
        return shownPatientId;
    }

    public String getShownUserName() {
        return shownUserName;
    }
}
