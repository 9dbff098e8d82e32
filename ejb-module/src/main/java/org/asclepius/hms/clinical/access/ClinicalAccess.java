package org.asclepius.hms.clinical.access;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.AuditOutcome;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.encounter.EncounterStatus;
import org.asclepius.hms.patient.PatientRestriction;
import org.asclepius.hms.shared.AccessRefusedException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read a patient's clinical data. Physicians and nurses read the charts of the patients they treat: as
 * attending of an encounter that is current or ended within the last {@code hms.chart.treating-days} days, as a
 * member of the patient's care team, or because they work in the department or ward treating the patient. Anyone
 * else with a clinical role (and a clinician outside those relationships) must break the glass. A restricted
 * record (VIP, staff, sensitive) needs break-the-glass from everyone but its attending. Roles without clinical
 * work (front desk, billing, administration, privacy) never read clinical data. A refusal is audited as DENIED
 * with the patient it was about.
 */
@Stateless
public class ClinicalAccess {

    @PersistenceContext
    EntityManager em;
    @Resource
    SessionContext session;
    @Inject
    Clock clock;
    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "hms.chart.treating-days", defaultValue = "14")
    int treatingDays;

    /** The basis on which the caller reads the patient's chart; refuses (audited as DENIED) when there is none. */
    @PermitAll
    public AccessBasis require(long patientId) {
        return requireDecision(patientId).basis();
    }

    /** As {@link #require}, with the record's restriction read on the way (the chart shows it). */
    @PermitAll
    public Decision requireDecision(long patientId) {
        Decision d = decide(patientId);
        if (d.allowed()) {
            return d;
        }
        audit.recordAttempt(AuditOutcome.DENIED, AuditAction.READ, "Chart", String.valueOf(patientId), patientId,
                d.refusal());
        throw new AccessRefusedException(d.refusal(), d.breakGlassPossible());
    }

    /** The caller's basis, without auditing: for screens deciding what to offer (never to show data). */
    @PermitAll
    public Decision decide(long patientId) {
        String user = session.getCallerPrincipal().getName();
        Instant now = clock.instant();
        PatientFacts facts = facts(patientId, user, now);
        PatientRestriction restriction = facts.restriction();
        boolean clinician = session.isCallerInRole(Roles.PHYSICIAN) || session.isCallerInRole(Roles.NURSE);
        boolean clinical = clinician || session.isCallerInRole(Roles.PHARMACIST)
                || session.isCallerInRole(Roles.LAB_TECHNICIAN);
        if (!clinical) {
            return Decision.refused(restriction, "Your role does not give access to clinical records.", false);
        }
        if (clinician && facts.attending()) {
            return Decision.granted(AccessBasis.ATTENDING, restriction);
        }
        if (hasGrant(patientId, user, now)) {
            return Decision.granted(AccessBasis.BREAK_THE_GLASS, restriction);
        }
        if (restriction != null) {
            return Decision.refused(restriction, "This record is restricted (" + restriction.label().toLowerCase(
                    java.util.Locale.ROOT) + "): only the attending physician opens it without break-the-glass."
                    + " Break the glass with a reason if you must; the privacy officer reviews every access.", true);
        }
        if (clinician && careTeam(patientId, user)) {
            return Decision.granted(AccessBasis.CARE_TEAM, null);
        }
        if (clinician && inUnit(patientId, user, now)) {
            return Decision.granted(AccessBasis.UNIT, null);
        }
        return Decision.refused(null, clinician
                ? "You are not treating this patient (not the attending, not on the care team, not working in the"
                + " ward or department treating them). In an emergency, break the glass with a reason; the privacy"
                + " officer reviews every access."
                : "Your role reads clinical records only by break-the-glass, with a reason; the privacy officer"
                + " reviews every access.", true);
    }

    /**
     * The record's restriction and whether the caller is attending an encounter of the patient that is not cancelled
     * and is current or ended within the treating days: one statement, as every chart read starts with it.
     */
    private PatientFacts facts(long patientId, String user, Instant now) {
        List<Object[]> found = em.createQuery("select p.restriction, (select count(e) from Encounter e"
                        + " where e.patient = p and e.attending = :u and e.status <> :cancelled"
                        + " and (e.endedAt is null or e.endedAt > :since)) from Patient p where p.id = :id",
                        Object[].class)
                .setParameter("id", patientId).setParameter("u", user)
                .setParameter("cancelled", EncounterStatus.CANCELLED).setParameter("since", treatingSince(now))
                .getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("Patient", patientId);
        }
        return new PatientFacts((PatientRestriction) found.get(0)[0], ((Number) found.get(0)[1]).longValue() > 0);
    }

    private record PatientFacts(PatientRestriction restriction, boolean attending) {
    }

    private Instant treatingSince(Instant now) {
        return now.minus(Duration.ofDays(treatingDays));
    }

    private boolean hasGrant(long patientId, String user, Instant now) {
        return exists(em.createQuery("select g.id from AccessGrant g where g.patient.id = :p and g.userName = :u"
                        + " and g.grantedAt <= :now and g.expiresAt > :now", Long.class)
                .setParameter("p", patientId).setParameter("u", user).setParameter("now", now)
                .setMaxResults(1).getResultList());
    }

    private boolean careTeam(long patientId, String user) {
        return exists(em.createQuery("select m.id from CareTeamMember m where m.patient.id = :p and m.userName = :u"
                        + " and m.endedAt is null", Long.class)
                .setParameter("p", patientId).setParameter("u", user).setMaxResults(1).getResultList());
    }

    private boolean inUnit(long patientId, String user, Instant now) {
        boolean department = exists(em.createQuery("select e.id from Encounter e where e.patient.id = :p"
                        + " and e.status <> :cancelled and (e.endedAt is null or e.endedAt > :since)"
                        + " and e.department in (select s.unit from StaffUnit s where s.userName = :u"
                        + " and s.kind = :department)", Long.class)
                .setParameter("p", patientId).setParameter("u", user).setParameter("cancelled", EncounterStatus.CANCELLED)
                .setParameter("since", treatingSince(now)).setParameter("department", StaffUnit.Kind.DEPARTMENT)
                .setMaxResults(1).getResultList());
        if (department) {
            return true;
        }
        List<?> ward = em.createNativeQuery("select s.id from bed_stay s join bed b on b.id = s.bed_id"
                        + " join ward w on w.id = b.ward_id join staff_unit u on u.unit = w.code"
                        + " and u.unit_kind = 'WARD' and u.user_name = ?2 where s.current_patient_id = ?1")
                .setParameter(1, patientId).setParameter(2, user).setMaxResults(1).getResultList();
        return !ward.isEmpty();
    }

    private static boolean exists(List<?> rows) {
        return !rows.isEmpty();
    }

    /** The outcome of an access check: a basis, or why not and whether break-the-glass is open to the caller. */
    public record Decision(AccessBasis basis, PatientRestriction restriction, String refusal,
            boolean breakGlassPossible) implements java.io.Serializable {
        static Decision granted(AccessBasis basis, PatientRestriction restriction) {
            return new Decision(basis, restriction, null, false);
        }

        static Decision refused(PatientRestriction restriction, String why, boolean breakGlass) {
            return new Decision(null, restriction, why, breakGlass);
        }

        public boolean allowed() {
            return basis != null;
        }
    }
}
