package org.asclepius.hms.clinical.access;

import java.io.Serializable;
import java.time.Instant;
import org.asclepius.hms.patient.PatientSummary;
import org.asclepius.hms.shared.PatientScoped;

/** A break-the-glass access as the clinician and the privacy officer see it. */
public record AccessGrantRecord(long id, long patientId, String mrn, String patientName, String userName,
        String reason, Instant grantedAt, Instant expiresAt, AccessGrant.Review review, String reviewedBy,
        Instant reviewedAt, String reviewNote, long version) implements PatientScoped, Serializable {

    static AccessGrantRecord of(AccessGrant g) {
        var p = g.getPatient();
        return new AccessGrantRecord(g.getId(), p.getId(), p.getMrn(),
                PatientSummary.displayName(p.getFamilyName(), p.getGivenName(), p.getMiddleName()), g.getUserName(),
                g.getReason(), g.getGrantedAt(), g.getExpiresAt(), g.getReview(), g.getReviewedBy(),
                g.getReviewedAt(), g.getReviewNote(), g.getVersion());
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }

    public boolean activeAt(Instant now) {
        return !grantedAt.isAfter(now) && expiresAt.isAfter(now);
    }
}
