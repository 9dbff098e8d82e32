package org.asclepius.hms.clinical.orders;

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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A status an order went to: who, when, and why (for cancellations). */
@Entity
@Immutable
@Table(name = "order_status_change")
public class OrderStatusChange {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_status_change_seq")
    @SequenceGenerator(name = "order_status_change_seq", sequenceName = "order_status_change_seq",
            allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private ClinicalOrder order;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, updatable = false, length = 20)
    private OrderStatus status;
    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;
    @Column(name = "changed_by", nullable = false, updatable = false, length = 100)
    private String changedBy;
    @Column(name = "note", updatable = false, length = 300)
    private String note;

    protected OrderStatusChange() {
    }

    OrderStatusChange(ClinicalOrder order, OrderStatus status, Instant changedAt, String changedBy, String note) {
        this.order = order;
        this.status = status;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.note = note;
    }

    public OrderStatus getStatus() { return status; }
    public Instant getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
    public String getNote() { return note; }
}
