package org.asclepius.hms.patient.coverage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.asclepius.hms.shared.PlainText;

/** A coverage as entered on the screen or sent through the API. */
public class CoverageData implements Serializable {
    private static final long serialVersionUID = 1L;

    @NotBlank(message = "enter the payer")
    @Size(max = 120) @PlainText
    private String payerName;
    @Size(max = 120) @PlainText
    private String planName;
    @NotBlank(message = "enter the member ID")
    @Size(max = 40)
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 -]*", message = "may contain only letters, digits, spaces and dashes")
    private String memberId;
    @Size(max = 120) @PlainText
    private String subscriberName;
    @NotNull(message = "choose the relationship to the subscriber")
    private SubscriberRelationship relationship = SubscriberRelationship.SELF;
    @NotNull(message = "choose the priority")
    private CoveragePriority priority = CoveragePriority.PRIMARY;
    @NotNull(message = "enter the date the coverage starts")
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;

    public String getPayerName() { return payerName; }
    public void setPayerName(String payerName) { this.payerName = payerName; }
    public String getPlanName() { return planName; }
    public void setPlanName(String planName) { this.planName = planName; }
    public String getMemberId() { return memberId; }
    public void setMemberId(String memberId) { this.memberId = memberId; }
    public String getSubscriberName() { return subscriberName; }
    public void setSubscriberName(String subscriberName) { this.subscriberName = subscriberName; }
    public SubscriberRelationship getRelationship() { return relationship; }
    public void setRelationship(SubscriberRelationship relationship) { this.relationship = relationship; }
    public CoveragePriority getPriority() { return priority; }
    public void setPriority(CoveragePriority priority) { this.priority = priority; }
    public LocalDate getEffectiveFrom() { return effectiveFrom; }
    public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
    public LocalDate getEffectiveTo() { return effectiveTo; }
    public void setEffectiveTo(LocalDate effectiveTo) { this.effectiveTo = effectiveTo; }
}
