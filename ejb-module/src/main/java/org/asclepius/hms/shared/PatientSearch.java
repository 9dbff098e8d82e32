package org.asclepius.hms.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A search of one patient's records of an entity with optional conditions — each added, with its parameters, only
 * when the caller asked for it — read as one page with the number of all that match (one count, one page query,
 * from the same conditions). The API's searches of the health record use it.
 */
public final class PatientSearch<E> {
    private final Class<E> type;
    private final String alias;
    private final long patientId;
    private final StringBuilder where;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private PatientSearch(Class<E> type, String alias, long patientId) {
        this.type = type;
        this.alias = alias;
        this.patientId = patientId;
        this.where = new StringBuilder(" where " + alias + ".patient.id = :patient");
        parameters.put("patient", patientId);
    }

    /** The entity's records of the patient, as {@code alias} in the conditions. */
    public static <E> PatientSearch<E> of(Class<E> type, String alias, long patientId) {
        return new PatientSearch<>(type, alias, patientId);
    }

    /**
     * Adds the condition when it was asked for; {@code parameters} are name, value pairs it uses.
     */
    public PatientSearch<E> and(boolean asked, String condition, Object... parameters) {
        if (asked) {
            where.append(" and ").append(condition);
            for (int i = 0; i + 1 < parameters.length; i += 2) {
                this.parameters.put((String) parameters[i], parameters[i + 1]);
            }
        }
        return this;
    }

    /** The page from {@code first} ({@code max} at most, never more than {@code limit}) in the order given. */
    public <R> PatientPage<R> page(EntityManager em, String orderBy, int first, int max, int limit,
                                   Function<E, R> record) {
        String entity = type.getSimpleName() + " " + alias;
        long total = bind(em.createQuery("select count(" + alias + ") from " + entity + where, Long.class))
                .getSingleResult();
        var items = max <= 0 ? java.util.List.<R>of() : bind(em.createQuery("select " + alias + " from " + entity
                        + where + " order by " + orderBy, type))
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.min(max, limit))
                .getResultStream().map(record).toList();
        return new PatientPage<>(patientId, items, total);
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
