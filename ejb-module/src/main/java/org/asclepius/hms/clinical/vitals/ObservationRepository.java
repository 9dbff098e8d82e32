package org.asclepius.hms.clinical.vitals;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads of vital signs shared by the vital-sign service and the chart (callers check access and audit). */
@Dependent
public class ObservationRepository {
    @PersistenceContext
    EntityManager em;

    /**
     * The latest final value of each vital sign, in the order of {@link VitalSign}: one statement (a window over the
     * patient's values, which the JPQL that WildFly holds Hibernate to cannot say), read as records, not entities.
     */
    public List<ObservationRecord> latest(long patientId) {
        List<?> rows = em.createNativeQuery("select id, encounter_id, panel_id, kind, value_number, value_second, unit,"
                        + " derived, effective_at, status, error_reason, created_by, created_at, version from (select"
                        + " o.*, row_number() over (partition by o.kind order by o.effective_at desc, o.id desc) as rn"
                        + " from observation o where o.patient_id = :p and o.status = 'FINAL') latest where rn = 1")
                .setParameter("p", patientId).getResultList();
        List<ObservationRecord> latest = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            latest.add(new ObservationRecord(number(r[0]), patientId, number(r[1]), number(r[2]),
                    VitalSign.valueOf((String) r[3]), (BigDecimal) r[4], (BigDecimal) r[5], (String) r[6],
                    Boolean.TRUE.equals(r[7]), instant(r[8]), Observation.Status.valueOf((String) r[9]),
                    (String) r[10], (String) r[11], instant(r[12]), number(r[13])));
        }
        latest.sort(Comparator.comparing(ObservationRecord::kind));
        return latest;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** A timestamp with time zone as the JDBC driver of the database hands it over. */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + (value == null ? null : value.getClass()));
    }
}
