package org.asclepius.hms.patient.coverage;

import java.io.Serializable;
import java.time.LocalDate;
import org.asclepius.hms.shared.PatientScoped;

/** A coverage as screens, the API and billing see it. */
public record CoverageRecord(long id, long version, long patientId, String payerName, String planName,
                             String memberId, String subscriberName, SubscriberRelationship relationship,
                             CoveragePriority priority, LocalDate effectiveFrom, LocalDate effectiveTo)
        implements PatientScoped, Serializable {

    static CoverageRecord of(Coverage c) {
        return new CoverageRecord(c.getId(), c.getVersion(), c.getPatient().getId(), c.getPayerName(),
                c.getPlanName(), c.getMemberId(), c.getSubscriberName(), c.getRelationship(), c.getPriority(),
                c.getEffectiveFrom(), c.getEffectiveTo());
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }

    /** Whether it is in force on the day. */
    public boolean activeOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveTo == null || !effectiveTo.isBefore(day));
    }

    public CoverageData toData() {
        CoverageData d = new CoverageData();
        d.setPayerName(payerName);
        d.setPlanName(planName);
        d.setMemberId(memberId);
        d.setSubscriberName(subscriberName);
        d.setRelationship(relationship);
        d.setPriority(priority);
        d.setEffectiveFrom(effectiveFrom);
        d.setEffectiveTo(effectiveTo);
        return d;
    }
}
