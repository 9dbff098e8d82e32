package org.asclepius.hms.patient;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.asclepius.hms.shared.Page;
import org.hibernate.Session;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** Storage of patients. Queries use bound parameters only. */
@Dependent
public class PatientRepository {
    @PersistenceContext
    EntityManager em;

    private PatientSearchSql.Dialect dialect;

    public Optional<Patient> find(long id) {
        return Optional.ofNullable(em.find(Patient.class, id));
    }

    /** The patient, locked until the transaction ends, so that changes to what hangs on them are serialized. */
    public Optional<Patient> lock(long id) {
        return Optional.ofNullable(em.find(Patient.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Patient> findByMrn(String mrn) {
        return em.createQuery("select p from Patient p where p.mrn = :mrn", Patient.class)
                .setParameter("mrn", mrn)
                .getResultStream().findFirst();
    }

    /** MRN of the patient (other than {@code exceptPatientId}) already holding this identifier, if any. */
    public Optional<String> holderOf(String type, String value, Long exceptPatientId) {
        return em.createQuery("select i.patient.mrn from PatientIdentifier i where i.type = :type"
                        + " and i.value = :value and (:except is null or i.patient.id <> :except)", String.class)
                .setParameter("type", type)
                .setParameter("value", IdentifierType.normalize(value))
                .setParameter("except", exceptPatientId)
                .getResultStream().findFirst();
    }

    /** The configured identifier types now. */
    public IdentifierTypes identifierTypes() {
        return IdentifierTypeService.load(em);
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

    /** One page of a search, best matches first (see {@link PatientSearchSql}). */
    public Page<PatientSummary> search(PatientQuery q, int first, int max) {
        PatientSearchSql sql = new PatientSearchSql(dialect(), q);
        if (dialect() == PatientSearchSql.Dialect.POSTGRESQL) {
            // for this transaction only: how similar a misspelled name part must be to match
            em.createNativeQuery("select set_config('pg_trgm.word_similarity_threshold', ?, true)")
                    .setParameter(1, PatientSearchSql.FUZZY_THRESHOLD).getSingleResult();
        }
        List<PatientSummary> items = new ArrayList<>();
        long total = -1;
        for (Object row : bind(sql.page(first, max)).getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new PatientSummary(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], Sex.valueOf((String) r[5]), toLocalDate(r[6]), (String) r[7], (String) r[8]));
            total = ((Number) r[10]).longValue();
        }
        if (total < 0) {
            total = first == 0 ? 0 : ((Number) bind(sql.count()).getSingleResult()).longValue();
        }
        return new Page<>(items, total, first, max);
    }

    private Query bind(PatientSearchSql.Statement statement) {
        Query query = em.createNativeQuery(statement.sql());
        for (int i = 0; i < statement.parameters().size(); i++) {
            query.setParameter(i + 1, statement.parameters().get(i));
        }
        return query;
    }

    private PatientSearchSql.Dialect dialect() {
        if (dialect == null) {
            Dialect d = em.unwrap(Session.class).getSessionFactory().unwrap(SessionFactoryImplementor.class)
                    .getJdbcServices().getDialect();
            dialect = d instanceof PostgreSQLDialect ? PatientSearchSql.Dialect.POSTGRESQL : PatientSearchSql.Dialect.H2;
        }
        return dialect;
    }

    private static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
