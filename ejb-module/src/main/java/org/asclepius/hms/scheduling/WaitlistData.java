package org.asclepius.hms.scheduling;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.asclepius.hms.shared.PlainText;

/** A patient asking to wait for a service, with a given resource or any, between two dates. */
public class WaitlistData implements Serializable {
    private static final long serialVersionUID = 1L;

    @NotNull(message = "choose the patient")
    private Long patientId;
    @NotBlank(message = "choose the service")
    private String serviceCode;
    /** null: any resource that offers the service */
    private Long resourceId;
    @NotNull(message = "enter the first day the patient can come")
    private LocalDate earliest;
    @NotNull(message = "enter the last day the patient can come")
    private LocalDate latest;
    @Size(max = 300) @PlainText
    private String note;

    public static WaitlistData of(long patientId, String serviceCode, Long resourceId, LocalDate earliest,
            LocalDate latest) {
        WaitlistData d = new WaitlistData();
        d.patientId = patientId;
        d.serviceCode = serviceCode;
        d.resourceId = resourceId;
        d.earliest = earliest;
        d.latest = latest;
        return d;
    }

    @AssertTrue(message = "the last day must not be before the first day")
    public boolean isLatestNotBeforeEarliest() {
        return earliest == null || latest == null || !latest.isBefore(earliest);
    }

    public Long getPatientId() { return patientId; }
    public void setPatientId(Long patientId) { this.patientId = patientId; }
    public String getServiceCode() { return serviceCode; }
    public void setServiceCode(String serviceCode) { this.serviceCode = serviceCode; }
    public Long getResourceId() { return resourceId; }
    public void setResourceId(Long resourceId) { this.resourceId = resourceId; }
    public LocalDate getEarliest() { return earliest; }
    public void setEarliest(LocalDate earliest) { this.earliest = earliest; }
    public LocalDate getLatest() { return latest; }
    public void setLatest(LocalDate latest) { this.latest = latest; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
