package org.asclepius.hms.clinical.vitals;

import static org.asclepius.hms.shared.NativeRows.instant;
import static org.asclepius.hms.shared.NativeRows.number;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Reads of vital signs shared by the vital-sign service and the chart (callers check access and audit). */
@Dependent
public class ObservationRepository {
    @PersistenceContext
    EntityManager em;

    private static final String COLUMNS = "id, encounter_id, panel_id, kind, value_number, value_second, unit,"
            + " derived, effective_at, status, error_reason, created_by, created_at, version";
    private static final String LATEST = Arrays.stream(VitalSign.values())
            .map(kind -> "(select " + COLUMNS + " from observation where patient_id = :p and kind = '" + kind.name()
                    + "' and status = 'FINAL' order by effective_at desc, id desc fetch first 1 rows only)")
            .collect(Collectors.joining(" union all "));

    /**
     * The latest final value of each vital sign, in the order of {@link VitalSign}: one statement of nine index
     * look-ups ({@code observation_patient_ix} read backwards, one row each) however many values the patient has,
     * read as records, not entities. Native SQL: the JPQL that WildFly holds Hibernate to has no limit in a union.
     */
    public List<ObservationRecord> latest(long patientId) {
        List<?> rows = em.createNativeQuery(LATEST).setParameter("p", patientId).getResultList();
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
}
