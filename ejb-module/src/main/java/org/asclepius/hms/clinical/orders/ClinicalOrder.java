package org.asclepius.hms.clinical.orders;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.TrackedEntity;

/** An order from the chart (lab test, imaging, medication) with every status it went through. */
@Entity
@Table(name = "clinical_order")
public class ClinicalOrder extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "clinical_order_seq")
    @SequenceGenerator(name = "clinical_order_seq", sequenceName = "clinical_order_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "encounter_id", nullable = false)
    private Encounter encounter;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private OrderKind kind;
    @Column(name = "code_system", nullable = false, length = 100)
    private String codeSystem;
    @Column(name = "code", nullable = false, length = 40)
    private String code;
    @Column(name = "display", nullable = false, length = 300)
    private String display;
    @Enumerated(EnumType.STRING)
    @Column(name = "priority", nullable = false, length = 20)
    private OrderPriority priority;
    @Column(name = "reason", length = 300)
    private String reason;
    @Column(name = "instructions", length = 1000)
    private String instructions;
    @Column(name = "dose", length = 80)
    private String dose;
    @Column(name = "route", length = 40)
    private String route;
    @Column(name = "frequency", length = 80)
    private String frequency;
    @Column(name = "duration_days")
    private Integer durationDays;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private OrderStatus status = OrderStatus.DRAFT;
    @Column(name = "ordered_by", nullable = false, length = 100)
    private String orderedBy;
    @Column(name = "signed_by", length = 100)
    private String signedBy;
    @Column(name = "signed_at")
    private Instant signedAt;
    @Column(name = "status_reason", length = 300)
    private String statusReason;
    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("changedAt, id")
    private List<OrderStatusChange> history = new ArrayList<>();

    protected ClinicalOrder() {
    }

    ClinicalOrder(Patient patient, Encounter encounter, OrderKind kind, Code code, OrderPriority priority,
                  String orderedBy) {
        this.patient = patient;
        this.encounter = encounter;
        this.kind = kind;
        this.codeSystem = code.system();
        this.code = code.code();
        this.display = code.display();
        this.priority = priority;
        this.orderedBy = orderedBy;
    }

    void details(String reason, String instructions, String dose, String route, String frequency,
                 Integer durationDays) {
        this.reason = reason;
        this.instructions = instructions;
        this.dose = dose;
        this.route = route;
        this.frequency = frequency;
        this.durationDays = durationDays;
    }

    void moveTo(OrderStatus next, String note, String by, Instant at) {
        if (next == OrderStatus.SIGNED) {
            this.signedBy = by;
            this.signedAt = at;
        }
        if (next == OrderStatus.CANCELLED || next == OrderStatus.ENTERED_IN_ERROR) {
            this.statusReason = note;
        }
        this.status = next;
        history.add(new OrderStatusChange(this, next, at, by, note));
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public Encounter getEncounter() { return encounter; }
    public OrderKind getKind() { return kind; }
    public Code getCode() { return new Code(codeSystem, code, display); }
    public OrderPriority getPriority() { return priority; }
    public String getReason() { return reason; }
    public String getInstructions() { return instructions; }
    public String getDose() { return dose; }
    public String getRoute() { return route; }
    public String getFrequency() { return frequency; }
    public Integer getDurationDays() { return durationDays; }
    public OrderStatus getStatus() { return status; }
    public String getOrderedBy() { return orderedBy; }
    public String getSignedBy() { return signedBy; }
    public Instant getSignedAt() { return signedAt; }
    public String getStatusReason() { return statusReason; }
    public List<OrderStatusChange> getHistory() { return history; }
}
