package org.asclepius.hms.web.scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.asclepius.hms.integration.OutboxRecord;
import org.asclepius.hms.integration.OutboxService;
import org.asclepius.hms.integration.OutboxStatus;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.web.shared.PagedModel;
import org.asclepius.hms.web.shared.Pages;
import org.primefaces.component.datatable.DataTable;

/**
 * /scheduling/messages.xhtml (receptionist, admin): the outgoing messages (appointment reminders and notices),
 * most recent first, optionally in one status; a message that failed for good (or still waits) can be sent again.
 */
@Named
@ViewScoped
public class MessagesView implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int PAGE_SIZE = 25;
    static final String TABLE = "messagesForm:messages";

    @Inject
    OutboxService outbox;

    private OutboxStatus status;
    private OutboxStatus shownStatus;
    private PagedModel<OutboxRecord> messages;

    @PostConstruct
    void init() {
        messages = model();
    }

    private PagedModel<OutboxRecord> model() {
        return new PagedModel<>(this::fetch, row -> String.valueOf(row.id()), PAGE_SIZE);
    }

    private Page<OutboxRecord> fetch(int first, int max) {
        return outbox.list(shownStatus, first, max);
    }

    public void filter() {
        shownStatus = status;
        messages = model();
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }

    public void retry(OutboxRecord message) {
        try {
            OutboxRecord again = outbox.retry(message.id());
            Pages.message(FacesMessage.SEVERITY_INFO, "Message " + again.id() + " to " + again.recipient()
                    + " is queued to be sent again now.");
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        messages = model();
    }

    public boolean canRetry(OutboxRecord message) {
        return message.status() == OutboxStatus.DEAD || message.status() == OutboxStatus.PENDING;
    }

    public OutboxStatus[] getStatuses() {
        return OutboxStatus.values();
    }

    /** "Pending", "Sent", "Failed", "Cancelled". */
    public String label(OutboxStatus s) {
        if (s == null) {
            return "";
        }
        return switch (s) {
            case PENDING -> "Waiting to be sent";
            case SENT -> "Sent";
            case DEAD -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    public OutboxStatus getStatus() { return status; }
    public void setStatus(OutboxStatus status) { this.status = status; }
    public OutboxStatus getShownStatus() { return shownStatus; }
    public PagedModel<OutboxRecord> getMessages() { return messages; }
}
