package org.asclepius.hms.patient;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.asclepius.hms.patient.matching.FieldComparison;
import org.asclepius.hms.patient.matching.MatchCandidateData;
import org.asclepius.hms.patient.matching.MatchGrade;
import org.asclepius.hms.patient.matching.MatchResult;
import org.asclepius.hms.patient.matching.PatientMatcher;

/**
 * Duplicate detection against the index: keeps each patient's blocking keys in {@code patient_match_key} and
 * finds the candidates of a probe among the patients sharing a key, scored by the {@link PatientMatcher}.
 */
@Dependent
public class PatientMatching {
    /** At most this many patients sharing a key are scored for one probe (a very common key is not useful). */
    static final int MAX_CANDIDATES = 500;

    @PersistenceContext
    EntityManager em;

    private final PatientMatcher matcher = PatientMatcher.standard();

    /** Replaces the patient's blocking keys (after a registration or an update). */
    public void storeKeys(Patient patient) {
        em.createNativeQuery("delete from patient_match_key where patient_id = ?").setParameter(1, patient.getId())
                .executeUpdate();
        for (String key : matcher.blockingKeys(toCandidate(patient))) {
            em.createNativeQuery("insert into patient_match_key (match_key, patient_id) values (?, ?)")
                    .setParameter(1, key).setParameter(2, patient.getId()).executeUpdate();
        }
    }

    /** Registered patients who may be the probe, best first, down to the given grade. */
    public List<DuplicateCandidate> candidates(MatchCandidateData probe, Long excludePatientId, MatchGrade atLeast,
                                               int limit) {
        Set<String> keys = matcher.blockingKeys(probe);
        if (keys.isEmpty()) {
            return List.of();
        }
        List<?> ids = em.createNativeQuery("select distinct patient_id from patient_match_key where match_key in (:keys)")
                .setParameter("keys", keys)
                .setMaxResults(MAX_CANDIDATES)
                .getResultList();
        List<DuplicateCandidate> found = new ArrayList<>();
        for (Object id : ids) {
            long patientId = ((Number) id).longValue();
            if (excludePatientId != null && excludePatientId == patientId) {
                continue;
            }
            Patient patient = em.find(Patient.class, patientId);
            MatchResult result = matcher.compare(probe, toCandidate(patient));
            if (result.grade().isAtLeast(atLeast)) {
                found.add(new DuplicateCandidate(summary(patient), result.score(), result.grade(),
                        explain(result, true), explain(result, false)));
            }
        }
        found.sort(Comparator.comparingDouble(DuplicateCandidate::score).reversed());
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    static MatchCandidateData toCandidate(Patient p) {
        String nationalId = p.getIdentifiers().stream().filter(i -> IdentifierType.NATIONAL_ID.equals(i.getType()))
                .map(PatientIdentifier::getValue).findFirst().orElse(null);
        return new MatchCandidateData(p.getFamilyName(), p.getGivenName(), p.getMiddleName(), null, p.getSex().name(),
                p.getBirthDate(), p.getPhone(), p.getAddress().getLine1(), p.getAddress().getCity(),
                p.getAddress().getPostalCode(), nationalId);
    }

    static MatchCandidateData toCandidate(PatientData d) {
        String nationalId = d.getIdentifiers().stream().filter(i -> IdentifierType.NATIONAL_ID.equals(i.getType()))
                .map(i -> IdentifierType.normalize(i.getValue())).findFirst().orElse(null);
        return new MatchCandidateData(d.getFamilyName(), d.getGivenName(), d.getMiddleName(), null,
                d.getSex() == null ? null : d.getSex().name(), d.getBirthDate(), d.getPhone(),
                d.getAddress() == null ? null : d.getAddress().getLine1(),
                d.getAddress() == null ? null : d.getAddress().getCity(),
                d.getAddress() == null ? null : d.getAddress().getPostalCode(), nationalId);
    }

    static PatientSummary summary(Patient p) {
        return new PatientSummary(p.getId(), p.getMrn(), p.getFamilyName(), p.getGivenName(), p.getMiddleName(),
                p.getSex(), p.getBirthDate(), p.getPhone(), p.getAddress().getCity());
    }

    private static List<String> explain(MatchResult result, boolean agreeing) {
        return result.fields().stream()
                .filter(f -> f.agreement() != FieldComparison.Agreement.MISSING)
                .filter(f -> agreeing == (f.weight() > 0))
                .map(FieldComparison::explanation)
                .toList();
    }
}
