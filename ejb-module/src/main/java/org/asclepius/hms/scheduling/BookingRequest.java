package org.asclepius.hms.scheduling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.asclepius.hms.shared.PlainText;

/**
 * A booking as the front desk or an integration asks for it: which patient, which service, when, with which
 * resources (one of each kind the service needs). The two reasons are the override of the warnings: overbooking
 * a full slot where the service's policy allows it, and booking a patient who already has an appointment then.
 */
public class BookingRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    @NotNull(message = "choose the patient")
    private Long patientId;
    @NotBlank(message = "choose the service")
    private String serviceCode;
    @NotNull(message = "choose the time")
    private Instant start;
    /** optional: when given it must be the start plus the service's length */
    private Instant end;
    @NotEmpty(message = "choose the resources (one of each kind the service needs)")
    private List<Long> resourceIds = new ArrayList<>();
    @Size(max = 300) @PlainText
    private String note;
    @Size(max = 300) @PlainText
    private String overbookReason;
    @Size(max = 300) @PlainText
    private String overlapReason;

    public static BookingRequest of(long patientId, String serviceCode, Instant start, List<Long> resourceIds) {
        BookingRequest r = new BookingRequest();
        r.patientId = patientId;
        r.serviceCode = serviceCode;
        r.start = start;
        r.resourceIds = new ArrayList<>(resourceIds);
        return r;
    }

    public BookingRequest withOverbookReason(String reason) {
        this.overbookReason = reason;
        return this;
    }

    public BookingRequest withOverlapReason(String reason) {
        this.overlapReason = reason;
        return this;
    }

    public Long getPatientId() { return patientId; }
    public void setPatientId(Long patientId) { this.patientId = patientId; }
    public String getServiceCode() { return serviceCode; }
    public void setServiceCode(String serviceCode) { this.serviceCode = serviceCode; }
    public Instant getStart() { return start; }
    public void setStart(Instant start) { this.start = start; }
    public Instant getEnd() { return end; }
    public void setEnd(Instant end) { this.end = end; }
    public List<Long> getResourceIds() { return resourceIds; }
    public void setResourceIds(List<Long> resourceIds) { this.resourceIds = resourceIds; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getOverbookReason() { return overbookReason; }
    public void setOverbookReason(String overbookReason) { this.overbookReason = overbookReason; }
    public String getOverlapReason() { return overlapReason; }
    public void setOverlapReason(String overlapReason) { this.overlapReason = overlapReason; }
}
