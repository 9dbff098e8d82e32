package org.asclepius.hms.web.clinical;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.asclepius.hms.clinical.orders.OrderEntry;
import org.asclepius.hms.clinical.orders.OrderKind;
import org.asclepius.hms.clinical.orders.OrderPriority;
import org.asclepius.hms.clinical.orders.OrderRecord;
import org.asclepius.hms.clinical.orders.OrderService;
import org.asclepius.hms.clinical.orders.OrderStatus;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/**
 * The chart's Orders tab: place a lab test, imaging or medication order (the orderable found by typing, from the
 * order catalogue; a medication with dose, route, frequency and duration) as a draft; a physician signs it (after a
 * confirmation); an open order is cancelled with a reason; each order shows its status history.
 */
@Named
@ViewScoped
public class ChartOrdersView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "chartTabs:ordersForm";
    static final FieldMessages FIELDS = new FieldMessages.Builder()
            .field("encounterId", "orderEncounter", "Encounter")
            .field("kind", "orderKind", "Kind")
            .field("code", "orderCode", "What")
            .field("priority", "orderPriority", "Priority")
            .field("reason", "orderReason", "Reason")
            .field("instructions", "orderInstructions", "Instructions")
            .field("dose", "orderDose", "Dose")
            .field("route", "orderRoute", "Route")
            .field("frequency", "orderFrequency", "Frequency")
            .field("durationDays", "orderDuration", "Duration")
            .build();
    static final FieldMessages CANCEL_FIELDS = new FieldMessages.Builder()
            .field("reason", "orderCancelReason", "Reason")
            .build();
    static final int LIST_MAX = 100;
    static final int SUGGESTIONS = 15;

    @Inject
    OrderService orders;
    @Inject
    ChartView chart;

    private int loadedVisit = -1;
    private List<OrderRecord> list;
    // the order form
    private boolean placing;
    private Long encounterId;
    private boolean encounterChosen;
    private OrderKind kind = OrderKind.LAB;
    private String orderable;
    private OrderPriority priority = OrderPriority.ROUTINE;
    private String reason;
    private String instructions;
    private String dose;
    private String route;
    private String frequency;
    private Integer durationDays;
    // cancelling
    private OrderRecord cancelling;
    private String cancelReason;

    public List<OrderRecord> getList() {
        if (loadedVisit != chart.getVisit()) {
            loadedVisit = chart.getVisit();
            list = null;
        }
        if (list == null) {
            list = orders.list(chart.getPatientIdValue(), null, false, 0, LIST_MAX).items();
        }
        return list;
    }

    public void startOrder() {
        placing = true;
        cancelling = null;
        kind = OrderKind.LAB;
        clearForm();
    }

    private void clearForm() {
        orderable = null;
        priority = OrderPriority.ROUTINE;
        reason = null;
        instructions = null;
        dose = null;
        route = null;
        frequency = null;
        durationDays = null;
    }

    public void kindChanged() {
        orderable = null;
    }

    /** The orderables of the chosen kind matching what was typed: "name [code]". */
    public List<String> complete(String text) {
        return orders.orderables(kind == null ? OrderKind.LAB : kind, text, SUGGESTIONS).stream()
                .map(ChartOrdersView::suggestion).toList();
    }

    static String suggestion(Code c) {
        return c.display() + " [" + c.code() + "]";
    }

    /** The code of a suggestion ("CBC panel [58410-2]" → "58410-2"); what was typed otherwise. */
    static String codeOf(String chosen) {
        if (chosen == null || chosen.isBlank()) {
            return null;
        }
        String text = chosen.trim();
        int open = text.lastIndexOf('[');
        if (open >= 0 && text.endsWith("]")) {
            return text.substring(open + 1, text.length() - 1).trim();
        }
        return text;
    }

    /** Places the order as a draft; a physician signs it next. */
    public void place() {
        FacesContext context = FacesContext.getCurrentInstance();
        boolean medication = kind == OrderKind.MEDICATION;
        OrderEntry entry = new OrderEntry(getEncounterId(), kind, codeOf(orderable), priority, reason, instructions,
                medication ? dose : null, medication ? route : null, medication ? frequency : null,
                medication ? durationDays : null);
        try {
            OrderRecord placed = orders.draft(chart.getPatientIdValue(), entry);
            Pages.message(FacesMessage.SEVERITY_INFO, "Order drafted: " + placed.summary()
                    + (chart.isPhysician() ? ". Sign it to send it." : ". A physician signs it."));
            placing = false;
            clearForm();
            list = null;
            chart.changed();
        } catch (InvalidInputException e) {
            FIELDS.show(context, FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            context.validationFailed();
        }
    }

    public void cancelForm() {
        placing = false;
    }

    /** A physician signs a draft (after the confirmation). */
    public void sign(OrderRecord order) {
        try {
            OrderRecord signed = orders.sign(order.id(), order.version());
            Pages.message(FacesMessage.SEVERITY_INFO, "Signed: " + signed.summary() + ".");
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        list = null;
        chart.changed();
    }

    public void startCancel(OrderRecord order) {
        placing = false;
        cancelling = order;
        cancelReason = null;
    }

    public void confirmCancel() {
        if (cancelling == null) {
            return;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            OrderRecord cancelled = orders.cancel(cancelling.id(), cancelling.version(), cancelReason);
            Pages.message(FacesMessage.SEVERITY_INFO, "Cancelled: " + cancelled.summary() + ".");
            cancelling = null;
            list = null;
            chart.changed();
        } catch (InvalidInputException e) {
            CANCEL_FIELDS.show(context, FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            cancelling = null;
            list = null;
        }
    }

    public void keepOrder() {
        cancelling = null;
    }

    public boolean canSign(OrderRecord o) {
        return chart.isPhysician() && o.status() == OrderStatus.DRAFT;
    }

    public boolean canCancel(OrderRecord o) {
        return chart.isCanRecord() && o.status().open();
    }

    public boolean isMedication() {
        return kind == OrderKind.MEDICATION;
    }

    public OrderKind[] getKinds() {
        return OrderKind.values();
    }

    public OrderPriority[] getPriorities() {
        return OrderPriority.values();
    }

    /** The chosen encounter, by default the latest open one. */
    public Long getEncounterId() {
        return encounterChosen ? encounterId : chart.getDefaultEncounter();
    }

    public void setEncounterId(Long encounterId) {
        this.encounterId = encounterId;
        this.encounterChosen = true;
    }

    public boolean isPlacing() { return placing; }
    public OrderKind getKind() { return kind; }
    public void setKind(OrderKind kind) { this.kind = kind; }
    public String getOrderable() { return orderable; }
    public void setOrderable(String orderable) { this.orderable = orderable; }
    public OrderPriority getPriority() { return priority; }
    public void setPriority(OrderPriority priority) { this.priority = priority; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getInstructions() { return instructions; }
    public void setInstructions(String instructions) { this.instructions = instructions; }
    public String getDose() { return dose; }
    public void setDose(String dose) { this.dose = dose; }
    public String getRoute() { return route; }
    public void setRoute(String route) { this.route = route; }
    public String getFrequency() { return frequency; }
    public void setFrequency(String frequency) { this.frequency = frequency; }
    public Integer getDurationDays() { return durationDays; }
    public void setDurationDays(Integer durationDays) { this.durationDays = durationDays; }
    public OrderRecord getCancelling() { return cancelling; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
}
