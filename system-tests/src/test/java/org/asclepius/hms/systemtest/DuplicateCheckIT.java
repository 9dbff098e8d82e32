package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.asclepius.hms.patient.DuplicateCandidate;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.PossibleDuplicateException;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.patient.matching.MatchGrade;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Duplicate detection at registration against the real index (blocking keys in the database). */
@ExtendWith(ArquillianExtension.class)
class DuplicateCheckIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(DuplicateCheckIT.class);
    }

    @EJB
    PatientService patients;
    @EJB
    AsReceptionist receptionist;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    @Test
    void aLikelyDuplicate_isShownWithItsScore_andRegisteringItNeedsAReason() throws Exception {
        String family = TestData.uniqueFamilyName("Dupl");
        PatientData original = person(family, "William", LocalDate.of(1980, 3, 4));
        PatientRecord existing = receptionist.call(() -> patients.register(original));

        // the same man typed again: nickname, two letters of the family name swapped, day and month swapped
        String typo = family.substring(0, 1) + family.charAt(2) + family.charAt(1) + family.substring(3);
        PatientData again = person(typo, "Bill", LocalDate.of(1980, 4, 3));
        again.setIdentifiers(new ArrayList<>());

        List<DuplicateCandidate> candidates = receptionist.call(() -> patients.findDuplicates(again, null));
        assertThat(candidates).isNotEmpty();
        DuplicateCandidate best = candidates.get(0);
        assertThat(best.patient().id()).isEqualTo(existing.id());
        assertThat(best.grade().isAtLeast(MatchGrade.PROBABLE)).as("grade %s score %s", best.grade(), best.score()).isTrue();
        assertThat(best.agreements()).isNotEmpty();
        assertThat(best.normalizedScore()).isBetween(0.5, 1.0);

        PossibleDuplicateException stopped = catchThrowableOfType(PossibleDuplicateException.class,
                () -> receptionist.call(() -> patients.registerChecked(again, "  ")));
        assertThat(stopped.getCandidates()).extracting(c -> c.patient().mrn()).contains(existing.mrn());
        assertThat(Db.number(db, "select count(*) from patient where family_name = ?", typo)).isZero();

        PatientRecord twin = receptionist.call(() -> patients.registerChecked(again, "twin brother, confirmed with him"));
        assertThat(Db.number(db, "select count(*) from audit_event where patient_id = ? and action = 'CREATE'"
                + " and detail like '%twin brother%'", twin.id())).isEqualTo(1);

        // someone else entirely registers without a question
        PatientData other = person(TestData.uniqueFamilyName("Othr"), "Zoe", LocalDate.of(2001, 12, 24));
        other.setSex(Sex.FEMALE);
        other.setPhone("+1 555 0999");
        other.getAddress().setLine1("9 Elm Road");
        other.getAddress().setPostalCode("99999");
        other.getAddress().setCity("Shelbyville");
        assertThat(receptionist.call(() -> patients.registerChecked(other, null)).id()).isPositive();
    }

    @Test
    void theKeysFollowAnUpdate() throws Exception {
        String family = TestData.uniqueFamilyName("Move");
        PatientRecord p = receptionist.call(() -> patients.register(person(family, "Olga", LocalDate.of(1966, 6, 16))));
        PatientData moved = p.toData();
        moved.setPhone("+1 555 0177");
        receptionist.call(() -> patients.update(p.id(), p.version(), moved));
        PatientData probe = person(family, "Olga", LocalDate.of(1966, 6, 16));
        probe.setIdentifiers(new ArrayList<>());
        probe.setPhone("+1 555 0177");
        assertThat(receptionist.call(() -> patients.findDuplicates(probe, null)))
                .extracting(c -> c.patient().id()).contains(p.id());
        assertThat(receptionist.call(() -> patients.findDuplicates(probe, p.id())))
                .extracting(c -> c.patient().id()).doesNotContain(p.id());
    }

    private static PatientData person(String family, String given, LocalDate birthDate) {
        PatientData d = TestData.patient(family, given, birthDate);
        d.setSex(Sex.MALE);
        d.setPhone("+1 555 0142");
        d.getAddress().setLine1("12 Harbour Street");
        d.getAddress().setCity("Springfield");
        d.getAddress().setPostalCode("12345");
        return d;
    }

}
