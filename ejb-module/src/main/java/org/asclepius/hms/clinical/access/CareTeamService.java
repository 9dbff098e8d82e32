package org.asclepius.hms.clinical.access;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.clinical.ClinicalContext;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.patient.PatientRestriction;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.FieldErrors;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.PatientItems;
import org.asclepius.hms.shared.PatientScoped;
import org.asclepius.hms.shared.Roles;

/**
 * The care relationships the chart's access rules read: the units staff work in (set by administrators), a
 * patient's care team (kept by the clinicians treating the patient) and restricted records (set by the privacy or
 * records officer).
 */
@Stateless
public class CareTeamService {
    @PersistenceContext
    EntityManager em;
    @Inject
    ClinicalContext context;
    @Inject
    ClinicalAccess access;

    /** A member of staff works in a department (as encounters name it) or a ward (by its code). */
    @RolesAllowed({Roles.ADMIN})
    public StaffUnitRecord assignUnit(String userName, StaffUnit.Kind kind, String unit) {
        FieldErrors errors = new FieldErrors();
        String user = errors.text("userName", userName, 100, "enter the user name");
        errors.required("kind", kind, "choose department or ward");
        String u = errors.text("unit", unit, 80, "enter the department or ward");
        errors.refuseIfAny();
        String name = kind == StaffUnit.Kind.WARD ? u.toUpperCase(java.util.Locale.ROOT) : u;
        boolean known = !em.createQuery("select s.id from StaffUnit s where s.userName = :u and s.kind = :k"
                        + " and s.unit = :n", Long.class).setParameter("u", user).setParameter("k", kind)
                .setParameter("n", name).getResultList().isEmpty();
        if (known) {
            throw new DomainException(user + " is already assigned to " + name + ".");
        }
        StaffUnit s = new StaffUnit(user, kind, name);
        s.touch(context.caller(), context.now());
        em.persist(s);
        return StaffUnitRecord.of(s);
    }

    @RolesAllowed({Roles.ADMIN})
    public void removeUnit(long id) {
        StaffUnit s = em.find(StaffUnit.class, id);
        if (s == null) {
            throw new NotFoundException("Staff unit", id);
        }
        em.remove(s);
    }

    @RolesAllowed({Roles.ADMIN})
    public List<StaffUnitRecord> units() {
        return em.createQuery("select s from StaffUnit s order by s.userName, s.kind, s.unit", StaffUnit.class)
                .getResultStream().map(StaffUnitRecord::of).toList();
    }

    /** Adds a clinician to the patient's care team (by someone treating the patient). */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.CREATE, resource = "CareTeam")
    public CareTeamRecord addMember(@PatientRef long patientId, String userName, String teamRole) {
        access.require(patientId);
        FieldErrors errors = new FieldErrors();
        String user = errors.text("userName", userName, 100, "enter the clinician's user name");
        String role = errors.text("teamRole", teamRole, 80, "enter their role in the team (e.g. consultant)");
        errors.refuseIfAny();
        Patient patient = context.writable(patientId);
        boolean member = !em.createQuery("select m.id from CareTeamMember m where m.patient = :p and m.userName = :u"
                + " and m.endedAt is null", Long.class).setParameter("p", patient).setParameter("u", user)
                .getResultList().isEmpty();
        if (member) {
            throw new DomainException(user + " is already on this patient's care team.");
        }
        Instant now = context.now();
        CareTeamMember m = new CareTeamMember(patient, user, role, now);
        m.touch(context.caller(), now);
        em.persist(m);
        em.flush();
        return CareTeamRecord.of(m);
    }

    /** Ends a member's place on the care team. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.UPDATE, resource = "CareTeam")
    public CareTeamRecord endMember(long memberId, long version) {
        CareTeamMember m = context.lockForChange(CareTeamMember.class, memberId, version, "Care team member",
                "The care team", CareTeamMember::getPatient);
        if (m.getEndedAt() != null) {
            throw new DomainException(m.getUserName() + " already left this care team.");
        }
        m.end(context.now());
        m.touch(context.caller(), context.now());
        em.flush();
        return CareTeamRecord.of(m);
    }

    /** The patient's current care team. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientItems<CareTeamRecord> team(@PatientRef long patientId) {
        access.require(patientId);
        return new PatientItems<>(patientId, em.createQuery("select m from CareTeamMember m where m.patient.id = :p"
                        + " and m.endedAt is null order by m.startedAt", CareTeamMember.class)
                .setParameter("p", patientId).getResultStream().map(CareTeamRecord::of).toList());
    }

    /** Restricts a record (VIP, staff, sensitive) or lifts the restriction (null). */
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.RECORDS_OFFICER})
    @Audited(action = AuditAction.UPDATE, resource = "Patient")
    public Restricted restrict(@PatientRef long patientId, PatientRestriction restriction) {
        Patient patient = context.writable(patientId);
        patient.restrict(restriction);
        patient.touch(context.caller(), context.now());
        return new Restricted(patientId, restriction);
    }

    /** A record's restriction after a change. */
    public record Restricted(long patientId, PatientRestriction restriction) implements PatientScoped,
            java.io.Serializable {
    }
}
