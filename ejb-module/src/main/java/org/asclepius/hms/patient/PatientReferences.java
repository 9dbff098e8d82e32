package org.asclepius.hms.patient;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every association to {@link Patient} in the persistence unit, found in the JPA metamodel — so a module added
 * later (encounters, orders, invoices…) is covered by merge and unmerge without registering anything. A module
 * references a patient by a {@code @ManyToOne Patient} (or {@code @OneToOne}) on the entity itself; history that
 * must keep naming the patient it was about (audit trail, merge history) stores the id instead.
 */
@Dependent
public class PatientReferences {
    @PersistenceContext
    EntityManager em;

    /** An owning association to Patient: entity {@code entity}, attribute {@code attribute}, id attribute {@code id}. */
    public record Reference(String entity, String attribute, String id, Class<?> idType) {
        public String label() {
            return entity + "." + attribute;
        }
    }

    public List<Reference> all() {
        List<Reference> found = new ArrayList<>();
        for (EntityType<?> type : em.getMetamodel().getEntities()) {
            for (Attribute<?, ?> attribute : type.getAttributes()) {
                if (attribute instanceof SingularAttribute<?, ?> singular && singular.isAssociation()
                        && Patient.class.isAssignableFrom(singular.getJavaType())) {
                    if (!type.hasSingleIdAttribute()) {
                        throw new IllegalStateException("Entity " + type.getName() + " needs a single id attribute"
                                + " so that patient merges can record the rows they change");
                    }
                    SingularAttribute<?, ?> id = type.getId(type.getIdType().getJavaType());
                    found.add(new Reference(type.getName(), singular.getName(), id.getName(), id.getJavaType()));
                }
            }
        }
        found.sort(Comparator.comparing(Reference::label));
        return found;
    }

    /** Ids (as text) of the rows of the reference that point at the patient. */
    public List<String> rowsPointingAt(Reference ref, long patientId) {
        return em.createQuery("select e." + ref.id() + " from " + ref.entity() + " e where e." + ref.attribute()
                        + ".id = :patient", Object.class)
                .setParameter("patient", patientId)
                .getResultStream().map(String::valueOf).toList();
    }

    /** Points the given rows of the reference at another patient (bulk update: no entity is loaded). */
    public int repoint(Reference ref, List<String> rowIds, Patient to) {
        int changed = 0;
        for (int from = 0; from < rowIds.size(); from += 500) {
            List<Object> ids = rowIds.subList(from, Math.min(rowIds.size(), from + 500)).stream()
                    .map(id -> idValue(ref, id)).toList();
            changed += em.createQuery("update " + ref.entity() + " e set e." + ref.attribute() + " = :to where e."
                            + ref.id() + " in :ids")
                    .setParameter("to", to).setParameter("ids", ids).executeUpdate();
        }
        return changed;
    }

    private static Object idValue(Reference ref, String text) {
        if (ref.idType() == Long.class || ref.idType() == long.class) {
            return Long.valueOf(text);
        }
        if (ref.idType() == Integer.class || ref.idType() == int.class) {
            return Integer.valueOf(text);
        }
        if (ref.idType() == String.class) {
            return text;
        }
        throw new IllegalStateException("Unsupported id type " + ref.idType() + " of " + ref.entity());
    }
}
