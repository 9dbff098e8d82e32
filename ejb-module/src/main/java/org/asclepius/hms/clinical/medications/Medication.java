package org.asclepius.hms.clinical.medications;

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
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.asclepius.hms.clinical.orders.ClinicalOrder;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.TrackedEntity;

/**
 * A line of the patient's medication list: prescribed here (linked to the signed medication order pharmacy
 * dispenses) or reported (taken at home); active, or stopped with a reason, or entered in error.
 */
@Entity
@Table(name = "medication")
public class Medication extends TrackedEntity {
    /** Where the line came from. */
    public enum Source { PRESCRIBED, REPORTED }

    /** Where it stands. */
    public enum Status { ACTIVE, STOPPED, ENTERED_IN_ERROR }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "medication_seq")
    @SequenceGenerator(name = "medication_seq", sequenceName = "medication_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id", unique = true)
    private ClinicalOrder order;
    @Column(name = "code_system", length = 100)
    private String codeSystem;
    @Column(name = "code", length = 40)
    private String code;
    @Column(name = "display", nullable = false, length = 300)
    private String display;
    @Column(name = "dose", length = 80)
    private String dose;
    @Column(name = "route", length = 40)
    private String route;
    @Column(name = "frequency", length = 80)
    private String frequency;
    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 20)
    private Source source;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private Status status = Status.ACTIVE;
    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;
    @Column(name = "stopped_at")
    private Instant stoppedAt;
    @Column(name = "stopped_by", length = 100)
    private String stoppedBy;
    @Column(name = "stop_reason", length = 300)
    private String stopReason;

    protected Medication() {
    }

    private Medication(Patient patient, ClinicalOrder order, Code code, String display, String dose, String route,
                       String frequency, Source source, LocalDate startedOn) {
        this.patient = patient;
        this.order = order;
        this.codeSystem = code == null ? null : code.system();
        this.code = code == null ? null : code.code();
        this.display = display;
        this.dose = dose;
        this.route = route;
        this.frequency = frequency;
        this.source = source;
        this.startedOn = startedOn;
    }

    /** The line a signed medication order puts on the list. */
    public static Medication prescribed(ClinicalOrder order, LocalDate on) {
        return new Medication(order.getPatient(), order, order.getCode(), order.getCode().display(), order.getDose(),
                order.getRoute(), order.getFrequency(), Source.PRESCRIBED, on);
    }

    static Medication reported(Patient patient, Code code, String display, String dose, String route,
                               String frequency, LocalDate since) {
        return new Medication(patient, null, code, display, dose, route, frequency, Source.REPORTED, since);
    }

    /** Stopped (or entered in error) with the reason, by whom and when. */
    public void stop(Status how, String reason, String by, Instant at) {
        this.status = how;
        this.stopReason = reason;
        this.stoppedBy = by;
        this.stoppedAt = at;
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public ClinicalOrder getOrder() { return order; }
    public Code getCode() { return code == null ? null : new Code(codeSystem, code, display); }
    public String getDisplay() { return display; }
    public String getDose() { return dose; }
    public String getRoute() { return route; }
    public String getFrequency() { return frequency; }
    public Source getSource() { return source; }
    public Status getStatus() { return status; }
    public LocalDate getStartedOn() { return startedOn; }
    public Instant getStoppedAt() { return stoppedAt; }
    public String getStoppedBy() { return stoppedBy; }
    public String getStopReason() { return stopReason; }
}
