package org.asclepius.hms.clinical.orders;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.clinical.ClinicalContext;
import org.asclepius.hms.clinical.access.ClinicalAccess;
import org.asclepius.hms.clinical.medications.Medication;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.FieldErrors;
import org.asclepius.hms.shared.PatientItems;
import org.asclepius.hms.shared.PatientPage;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.shared.TimeFormat;

/**
 * Orders from the chart: drafted (by a physician, or a nurse taking a verbal order), signed by a physician, started
 * and completed by whoever fulfils them (lab, imaging, pharmacy, the ward), cancelled with a reason; every status
 * with who and when. Signing a medication order puts the medication on the patient's list, linked to the order
 * pharmacy dispenses; cancelling it stops that line.
 */
@Stateless
@Audited(resource = "Order")
public class OrderService {
    @PersistenceContext
    EntityManager em;
    @Inject
    ClinicalContext context;
    @Inject
    ClinicalAccess access;
    @Inject
    OrderCatalogue catalogue;
    @Resource
    SessionContext session;

    /** A draft order; nothing happens until a physician signs it. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.CREATE, resource = "Order")
    public OrderRecord draft(@PatientRef long patientId, OrderEntry entry) {
        access.require(patientId);
        FieldErrors errors = new FieldErrors();
        if (entry == null || entry.kind() == null) {
            errors.add("kind", "choose what to order (lab test, imaging, medication)");
            errors.refuseIfAny();
        }
        Code code = null;
        if (entry.code() == null || entry.code().isBlank()) {
            errors.add("code", "choose the " + entry.kind().label().toLowerCase(Locale.ROOT) + " to order");
        } else {
            code = catalogue.find(entry.kind(), entry.code().trim()).orElse(null);
            if (code == null) {
                errors.add("code", "unknown " + entry.kind().label().toLowerCase(Locale.ROOT) + " code "
                        + entry.code().trim() + ": choose one from the catalogue");
            }
        }
        errors.required("priority", entry.priority(), "choose the priority");
        String reason = errors.optionalText("reason", entry.reason(), 300);
        String instructions = errors.prose("instructions", entry.instructions(), 1000);
        String dose = errors.optionalText("dose", entry.dose(), 80);
        String route = errors.optionalText("route", entry.route(), 40);
        String frequency = errors.optionalText("frequency", entry.frequency(), 80);
        if (entry.kind() == OrderKind.MEDICATION) {
            if (dose == null) {
                errors.add("dose", "enter the dose");
            }
            if (route == null) {
                errors.add("route", "enter the route");
            }
            if (frequency == null) {
                errors.add("frequency", "enter how often");
            }
        }
        if (entry.durationDays() != null && (entry.durationDays() < 1 || entry.durationDays() > 365)) {
            errors.add("durationDays", "between 1 and 365 days");
        }
        errors.refuseIfAny();
        Patient patient = context.writable(patientId);
        Encounter encounter = context.encounter(patient, entry.encounterId());
        String user = context.caller();
        Instant now = context.now();
        ClinicalOrder order = new ClinicalOrder(patient, encounter, entry.kind(), code, entry.priority(), user);
        order.details(reason, instructions, dose, route, frequency, entry.durationDays());
        order.moveTo(OrderStatus.DRAFT, null, user, now);
        order.touch(user, now);
        em.persist(order);
        em.flush();
        return OrderRecord.of(order);
    }

    /** A physician signs: the order goes to whoever fulfils it; a medication goes on the medication list. */
    @RolesAllowed({Roles.PHYSICIAN})
    @Audited(action = AuditAction.UPDATE, resource = "Order")
    public OrderRecord sign(long orderId, long version) {
        ClinicalOrder order = move(orderId, version, OrderStatus.SIGNED, null);
        if (order.getKind() == OrderKind.MEDICATION) {
            Medication line = Medication.prescribed(order, LocalDate.ofInstant(order.getSignedAt(),
                    TimeFormat.hospitalZone()));
            line.touch(context.caller(), order.getSignedAt());
            em.persist(line);
            em.flush();
        }
        return OrderRecord.of(order);
    }

    /** Whoever fulfils the order has started on it (specimen taken, study begun, dispensing). */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.LAB_TECHNICIAN, Roles.PHARMACIST})
    @Audited(action = AuditAction.UPDATE, resource = "Order")
    public OrderRecord start(long orderId, long version) {
        return OrderRecord.of(move(orderId, version, OrderStatus.IN_PROGRESS, null));
    }

    /** The order is done (result reported, study read, medication dispensed). */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.LAB_TECHNICIAN, Roles.PHARMACIST})
    @Audited(action = AuditAction.UPDATE, resource = "Order")
    public OrderRecord complete(long orderId, long version, String note) {
        FieldErrors errors = new FieldErrors();
        String n = errors.optionalText("note", note, 300);
        errors.refuseIfAny();
        return OrderRecord.of(move(orderId, version, OrderStatus.COMPLETED, n));
    }

    /**
     * Cancels an order with the reason: a draft is discarded; a signed one is withdrawn (a medication's line on the
     * list is stopped with the same reason).
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.UPDATE, resource = "Order")
    public OrderRecord cancel(long orderId, long version, String reason) {
        return OrderRecord.of(end(orderId, version, OrderStatus.CANCELLED, reason, "say why it is cancelled"));
    }

    /** An order placed for the wrong patient or by mistake: kept, marked, with the reason. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.UPDATE, resource = "Order")
    public OrderRecord enteredInError(long orderId, long version, String reason) {
        return OrderRecord.of(end(orderId, version, OrderStatus.ENTERED_IN_ERROR, reason,
                "say why the order is in error"));
    }

    /** One order with its history. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    public OrderRecord find(long orderId) {
        return OrderRecord.of(context.readable(ClinicalOrder.class, orderId, "Order", ClinicalOrder::getPatient));
    }

    /** The patient's orders (of one encounter, or all; only open ones if asked), newest first. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientItems<OrderRecord> list(@PatientRef long patientId, Long encounterId, boolean openOnly, int first,
                                          int max) {
        access.require(patientId);
        List<ClinicalOrder> orders = em.createQuery("select o from ClinicalOrder o where o.patient.id = :p"
                        + " and (:e is null or o.encounter.id = :e) and (:all = true or o.status in :open)"
                        + " order by o.createdAt desc, o.id desc", ClinicalOrder.class)
                .setParameter("p", patientId).setParameter("e", encounterId).setParameter("all", !openOnly)
                .setParameter("open", List.of(OrderStatus.DRAFT, OrderStatus.SIGNED, OrderStatus.IN_PROGRESS))
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 200))).getResultList();
        return new PatientItems<>(patientId, orders.stream().map(OrderRecord::of).toList());
    }

    /**
     * The patient's orders for the API, newest first, a page at a time with the number of all matching: of the given
     * kinds and statuses (null: any); {@code signedOnly} leaves out orders never signed (drafts, and drafts
     * discarded). {@code max} 0 counts only.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientPage<OrderRecord> search(@PatientRef long patientId, Set<OrderKind> kinds,
                                           Set<OrderStatus> statuses, boolean signedOnly, int first, int max) {
        access.require(patientId);
        String where = " where o.patient.id = :p" + (kinds == null ? "" : " and o.kind in :kinds")
                + (statuses == null ? "" : " and o.status in :statuses")
                + (signedOnly ? " and o.signedAt is not null" : "");
        TypedQuery<Long> count = em.createQuery("select count(o) from ClinicalOrder o" + where, Long.class);
        TypedQuery<ClinicalOrder> page = em.createQuery("select o from ClinicalOrder o" + where
                + " order by o.createdAt desc, o.id desc", ClinicalOrder.class);
        for (TypedQuery<?> q : List.of(count, page)) {
            q.setParameter("p", patientId);
            if (kinds != null) {
                q.setParameter("kinds", kinds);
            }
            if (statuses != null) {
                q.setParameter("statuses", statuses);
            }
        }
        List<OrderRecord> items = max <= 0 ? List.of() : page.setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(max, 200)).getResultStream().map(OrderRecord::of).toList();
        return new PatientPage<>(patientId, items, count.getSingleResult());
    }

    /** The orderables of a kind matching the text (not patient data). */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    public List<Code> orderables(OrderKind kind, String text, int max) {
        return catalogue.search(kind, text, Math.max(1, Math.min(max, 100)));
    }

    private ClinicalOrder end(long orderId, long version, OrderStatus to, String reason, String missing) {
        FieldErrors errors = new FieldErrors();
        String why = errors.text("reason", reason, 300, missing);
        errors.refuseIfAny();
        ClinicalOrder order = move(orderId, version, to, why);
        if (order.getKind() == OrderKind.MEDICATION) {
            em.createQuery("select m from Medication m where m.order = :o and m.status = :active", Medication.class)
                    .setParameter("o", order).setParameter("active", Medication.Status.ACTIVE)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().forEach(line -> {
                        line.stop(to == OrderStatus.CANCELLED ? Medication.Status.STOPPED
                                : Medication.Status.ENTERED_IN_ERROR, "order " + to.label().toLowerCase(Locale.ROOT)
                                + ": " + why, context.caller(), context.now());
                        line.touch(context.caller(), context.now());
                    });
        }
        return order;
    }

    private ClinicalOrder move(long orderId, long version, OrderStatus to, String note) {
        ClinicalOrder order = context.lock(ClinicalOrder.class, orderId, version, "Order", "The order");
        if (!fulfilling(order, to)) {
            access.require(order.getPatient().getId());
        }
        if (!order.getStatus().next().contains(to)) {
            throw new DomainException("An order that is " + order.getStatus().label().toLowerCase(Locale.ROOT)
                    + " cannot be " + verb(to) + ".");
        }
        Instant now = context.now();
        order.moveTo(to, note, context.caller(), now);
        order.touch(context.caller(), now);
        em.flush();
        return order;
    }

    /**
     * The lab (lab and imaging orders) and pharmacy (medication orders) work their orders from their own worklists:
     * starting and completing them needs no chart access (it is audited as any change is).
     */
    private boolean fulfilling(ClinicalOrder order, OrderStatus to) {
        if (to != OrderStatus.IN_PROGRESS && to != OrderStatus.COMPLETED) {
            return false;
        }
        return order.getKind() == OrderKind.MEDICATION ? session.isCallerInRole(Roles.PHARMACIST)
                : session.isCallerInRole(Roles.LAB_TECHNICIAN);
    }

    private static String verb(OrderStatus to) {
        return switch (to) {
            case SIGNED -> "signed";
            case IN_PROGRESS -> "started";
            case COMPLETED -> "completed";
            case CANCELLED -> "cancelled";
            case ENTERED_IN_ERROR -> "marked entered in error";
            case DRAFT -> "made a draft again";
        };
    }
}
