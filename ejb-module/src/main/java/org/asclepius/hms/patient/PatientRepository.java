package org.asclepius.hms.patient;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asclepius.hms.shared.Page;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** Storage of patients. Queries use bound parameters only. */
@Dependent
public class PatientRepository {
    @PersistenceContext
    EntityManager em;

    public Optional<Patient> find(long id) {
        return Optional.ofNullable(em.find(Patient.class, id));
    }

    public Optional<Patient> findByMrn(String mrn) {
        return em.createQuery("select p from Patient p where p.mrn = :mrn", Patient.class)
                .setParameter("mrn", mrn)
                .getResultStream().findFirst();
    }

    /** MRN of the patient (other than {@code exceptPatientId}) already holding this identifier, if any. */
    public Optional<String> holderOf(IdentifierType type, String value, Long exceptPatientId) {
        return em.createQuery("select i.patient.mrn from PatientIdentifier i where i.type = :type"
                        + " and i.value = :value and (:except is null or i.patient.id <> :except)", String.class)
                .setParameter("type", type)
                .setParameter("value", IdentifierType.normalize(value))
                .setParameter("except", exceptPatientId)
                .getResultStream().findFirst();
    }

    public long nextMrnSequence() {
        var dialect = em.unwrap(Session.class).getSessionFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect();
        String sql = dialect.getSequenceSupport().getSequenceNextValString("mrn_seq");
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    public void store(Patient patient) {
        em.persist(patient);
    }

    public void flush() {
        em.flush();
    }

    public Page<PatientSummary> search(PatientQuery q, int first, int max) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.name() != null && !q.name().isBlank()) {
            String[] tokens = Patient.normalizeName(q.name()).split(" ");
            for (int i = 0; i < tokens.length && i < 5; i++) {
                where.append(" and p.nameKey like :n").append(i);
                params.put("n" + i, "% " + escapeLike(tokens[i]) + "%");
            }
        }
        if (q.familyName() != null && !q.familyName().isBlank()) {
            where.append(" and lower(p.familyName) like :family");
            params.put("family", escapeLike(q.familyName().trim().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (q.givenName() != null && !q.givenName().isBlank()) {
            where.append(" and lower(p.givenName) like :given");
            params.put("given", escapeLike(q.givenName().trim().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (q.birthDate() != null) {
            where.append(" and p.birthDate = :birthDate");
            params.put("birthDate", q.birthDate());
        }
        if (q.mrn() != null && !q.mrn().isBlank()) {
            where.append(" and p.mrn = :mrn");
            params.put("mrn", q.mrn().trim());
        }
        if (q.identifierValue() != null && !q.identifierValue().isBlank()) {
            where.append(" and exists (select 1 from PatientIdentifier i where i.patient = p and i.value = :idValue");
            params.put("idValue", IdentifierType.normalize(q.identifierValue()));
            if (q.identifierType() != null) {
                where.append(" and i.type = :idType");
                params.put("idType", q.identifierType());
            }
            where.append(")");
        }
        TypedQuery<PatientSummary> select = em.createQuery("select new org.asclepius.hms.patient.PatientSummary("
                + "p.id, p.mrn, p.familyName, p.givenName, p.middleName, p.sex, p.birthDate, p.phone, p.address.city)"
                + " from Patient p" + where + " order by p.familyName, p.givenName, p.birthDate, p.id",
                PatientSummary.class);
        TypedQuery<Long> count = em.createQuery("select count(p) from Patient p" + where, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<PatientSummary> items = new ArrayList<>(select.setFirstResult(first).setMaxResults(max).getResultList());
        long total = items.size() < max && first == 0 ? items.size() : count.getSingleResult();
        return new Page<>(items, total, first, max);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "").replace("%", "").replace("_", "");
    }
}
