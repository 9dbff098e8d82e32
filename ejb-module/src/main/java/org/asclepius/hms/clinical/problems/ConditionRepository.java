package org.asclepius.hms.clinical.problems;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads of problems and diagnoses shared by the condition service and the chart (callers check access and audit). */
@Dependent
public class ConditionRepository {
    @PersistenceContext
    EntityManager em;

    /**
     * The patient's conditions of a category (null: both), of one encounter (null: all), active ones only if asked;
     * entered-in-error ones only when not asking for active ones. Primary diagnoses first, then newest. Read as
     * records, not entities: no hydration, and nothing in the persistence context for later queries to flush.
     */
    public List<ConditionRecord> list(long patientId, ConditionCategory category, Long encounterId,
                                      boolean activeOnly) {
        return em.createQuery("select new " + ConditionRecord.class.getName() + "(c.id, c.patient.id,"
                        + " c.encounter.id, c.category, c.codeSystem, c.code, c.display, c.mappedCode, c.onsetDate,"
                        + " c.abatementDate, c.clinicalStatus, c.verification, c.rank, c.note, c.errorReason,"
                        + " c.createdBy, c.createdAt, c.version)"
                        + " from Condition c where c.patient.id = :p"
                        + " and (:category is null or c.category = :category)"
                        + " and (:e is null or c.encounter.id = :e)"
                        + " and (:activeOnly = false or (c.clinicalStatus in (:active, :recurrence, :relapse)"
                        + " and c.verification <> :refuted and c.verification <> :error))"
                        + " order by case when c.rank = :primary then 0 else 1 end, c.createdAt desc, c.id desc",
                        ConditionRecord.class)
                .setParameter("p", patientId).setParameter("category", category).setParameter("e", encounterId)
                .setParameter("activeOnly", activeOnly)
                // single values, not lists: Hibernate caches the SQL of a query only without list parameters
                .setParameter("active", ClinicalStatus.ACTIVE).setParameter("recurrence", ClinicalStatus.RECURRENCE)
                .setParameter("relapse", ClinicalStatus.RELAPSE)
                .setParameter("refuted", Verification.REFUTED).setParameter("error", Verification.ENTERED_IN_ERROR)
                .setParameter("primary", DiagnosisRank.PRIMARY)
                .setMaxResults(500).getResultList();
    }
}
