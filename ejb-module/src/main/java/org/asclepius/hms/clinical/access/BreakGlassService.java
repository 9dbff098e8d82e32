package org.asclepius.hms.clinical.access;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.clinical.ClinicalContext;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.FieldErrors;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.shared.TimeFormat;

/**
 * Break-the-glass: a clinician without a care relationship (or anyone but the attending, for a restricted record)
 * opens a chart by giving a reason; the access lasts a limited time, is audited with the reason, and waits on the
 * privacy officer's review list until it is judged appropriate or not.
 */
@Stateless
public class BreakGlassService {
    public static final int MIN_MINUTES = 15;
    public static final int MAX_MINUTES = 12 * 60;
    private static final int REASON_MIN = 10;

    @PersistenceContext
    EntityManager em;
    @Inject
    ClinicalContext context;
    @Inject
    ClinicalAccess access;
    @Inject
    AuditTrail audit;

    /** Opens the chart for {@code minutes} with the reason. Refused without a reason, or when not needed. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    public AccessGrantRecord breakGlass(long patientId, String reason, int minutes) {
        FieldErrors errors = new FieldErrors();
        String why = errors.text("reason", reason, 500, "give the reason you need this record");
        if (why != null && why.length() < REASON_MIN) {
            errors.add("reason", "say why in a few words (at least " + REASON_MIN + " characters)");
        }
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            errors.add("minutes", "between " + MIN_MINUTES + " minutes and " + MAX_MINUTES / 60 + " hours");
        }
        errors.refuseIfAny();
        ClinicalAccess.Decision d = access.decide(patientId);
        if (d.allowed()) {
            throw new DomainException("You already have access to this record (" + d.basis().label().toLowerCase(
                    java.util.Locale.ROOT) + "); break-the-glass is not needed.");
        }
        if (!d.breakGlassPossible()) {
            throw new DomainException(d.refusal());
        }
        Patient patient = context.writable(patientId);
        Instant now = context.now();
        AccessGrant grant = new AccessGrant(patient, context.caller(), why, now, now.plus(Duration.ofMinutes(minutes)));
        grant.touch(context.caller(), now);
        em.persist(grant);
        em.flush();
        audit.recordSuccess(AuditAction.ACCESS, "BreakTheGlass", String.valueOf(grant.getId()), patientId,
                "until " + TimeFormat.forUsers(grant.getExpiresAt()) + ": " + why);
        return AccessGrantRecord.of(grant);
    }

    /** The caller's break-the-glass access to the patient that is running now, if any (no patient data). */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    public Optional<Instant> activeUntil(long patientId) {
        Instant now = context.now();
        return em.createQuery("select max(g.expiresAt) from AccessGrant g where g.patient.id = :p"
                        + " and g.userName = :u and g.grantedAt <= :now and g.expiresAt > :now", Instant.class)
                .setParameter("p", patientId).setParameter("u", context.caller()).setParameter("now", now)
                .getResultStream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The privacy officer's list: break-the-glass accesses (pending review only, or all), newest first. */
    @RolesAllowed({Roles.PRIVACY_OFFICER})
    @Audited(resource = "AccessGrant")
    public Page<AccessGrantRecord> reviews(boolean pendingOnly, int first, int max) {
        String where = pendingOnly ? " where g.review = :pending" : " where g.review <> :pending";
        var query = em.createQuery("select g from AccessGrant g join fetch g.patient" + where
                        + " order by g.grantedAt desc, g.id desc", AccessGrant.class)
                .setParameter("pending", AccessGrant.Review.PENDING)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 200)));
        long total = em.createQuery("select count(g) from AccessGrant g" + where, Long.class)
                .setParameter("pending", AccessGrant.Review.PENDING).getSingleResult();
        List<AccessGrantRecord> items = query.getResultStream().map(AccessGrantRecord::of).toList();
        return new Page<>(items, total, first, max);
    }

    /** The privacy officer's finding on one access (a note is required when it was not appropriate). */
    @RolesAllowed({Roles.PRIVACY_OFFICER})
    @Audited(action = AuditAction.UPDATE, resource = "AccessGrant")
    public AccessGrantRecord review(long grantId, long version, AccessGrant.Review finding, String note) {
        AccessGrant grant = context.lock(AccessGrant.class, grantId, version, "Break-the-glass access", "The review");
        FieldErrors errors = new FieldErrors();
        if (finding == null || finding == AccessGrant.Review.PENDING) {
            errors.add("finding", "choose appropriate or not appropriate");
        }
        String n = errors.optionalText("note", note, 500);
        if (finding == AccessGrant.Review.INAPPROPRIATE && n == null) {
            errors.add("note", "say what was wrong and what follows");
        }
        errors.refuseIfAny();
        if (grant.getReview() != AccessGrant.Review.PENDING) {
            throw new DomainException("This access was reviewed already by " + grant.getReviewedBy() + ".");
        }
        Instant now = context.now();
        grant.review(finding, n, context.caller(), now);
        grant.touch(context.caller(), now);
        em.flush();
        return AccessGrantRecord.of(grant);
    }
}
