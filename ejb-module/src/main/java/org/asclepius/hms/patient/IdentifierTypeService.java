package org.asclepius.hms.patient;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.InputValidator;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;

/**
 * The configuration of identifier types. Changes are the administrator's and are audited; types are never
 * deleted (identifiers refer to them) but may be retired, after which no new identifier of the type is
 * accepted while those already held stay.
 */
@Stateless
public class IdentifierTypeService {
    @PersistenceContext
    EntityManager em;
    @Inject
    InputValidator validator;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;

    /** Every configured type, in display order. */
    @RolesAllowed({Roles.ADMIN, Roles.PHYSICIAN, Roles.NURSE, Roles.RECEPTIONIST, Roles.BILLING_CLERK,
            Roles.PHARMACIST, Roles.LAB_TECHNICIAN, Roles.PRIVACY_OFFICER, Roles.RECORDS_OFFICER,
            Roles.INTEGRATION, Roles.SYSTEM})
    public IdentifierTypes catalog() {
        return load(em);
    }

    static IdentifierTypes load(EntityManager em) {
        return new IdentifierTypes(em.createQuery("select t from IdentifierType t order by t.sortOrder, t.label",
                IdentifierType.class).getResultStream().map(IdentifierTypeRecord::of).toList());
    }

    /** Adds a new type. */
    @RolesAllowed(Roles.ADMIN)
    public IdentifierTypeRecord add(IdentifierTypeData data) {
        validator.validate(data);
        Map<String, String> errors = new LinkedHashMap<>();
        if (em.find(IdentifierType.class, data.getCode().trim()) != null) {
            errors.put("code", "a type with this code exists already");
        }
        checkSystemFree(data, null, errors);
        IdentifierType type = new IdentifierType(data);
        type.touch(caller(), clock.instant());
        em.persist(type);
        em.flush();
        audit.recordSuccess(AuditAction.CREATE, "IdentifierType", type.getCode(), null,
                "identifier type added: " + type.getLabel() + " " + type.getSystem() + " rule " + type.getPattern());
        return IdentifierTypeRecord.of(type);
    }

    /** Changes a type (not its code), as loaded by the caller; someone else's change in between is not lost. */
    @RolesAllowed(Roles.ADMIN)
    public IdentifierTypeRecord update(String code, long loadedVersion, IdentifierTypeData data) {
        validator.validate(data);
        IdentifierType type = em.find(IdentifierType.class, code);
        if (type == null) {
            throw new NotFoundException("Identifier type", code);
        }
        if (type.getVersion() != loadedVersion) {
            throw new ConcurrentUpdateException("This identifier type", type.getUpdatedBy(), type.getUpdatedAt());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (!code.equals(data.getCode().trim())) {
            errors.put("code", "cannot be changed: identifiers refer to it");
        }
        checkSystemFree(data, code, errors);
        String before = type.getLabel() + " " + type.getSystem() + " rule " + type.getPattern()
                + (type.isActive() ? "" : " retired");
        type.apply(data);
        type.touch(caller(), clock.instant());
        em.flush();
        audit.recordSuccess(AuditAction.UPDATE, "IdentifierType", code, null, "identifier type changed from "
                + before + " to " + type.getLabel() + " " + type.getSystem() + " rule " + type.getPattern()
                + (type.isActive() ? "" : " retired"));
        return IdentifierTypeRecord.of(type);
    }

    private void checkSystemFree(IdentifierTypeData data, String exceptCode, Map<String, String> errors) {
        String system = data.getSystem().trim();
        if (IdentifierType.MRN_SYSTEM.equals(system)) {
            errors.put("system", "is the MRN's system");
        }
        em.createQuery("select t.code from IdentifierType t where t.system = :system", String.class)
                .setParameter("system", system).getResultStream()
                .filter(other -> !other.equals(exceptCode)).findFirst()
                .ifPresent(other -> errors.put("system", "is already the system of the type " + other));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
