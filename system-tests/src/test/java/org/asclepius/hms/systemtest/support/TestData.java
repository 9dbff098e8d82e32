package org.asclepius.hms.systemtest.support;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.asclepius.hms.patient.IdentifierEntry;
import org.asclepius.hms.patient.IdentifierType;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.Sex;

/** Patients for tests: unique names and identifiers per run, so a reused database never interferes. */
public final class TestData {
    private TestData() {
    }

    /** A family name no earlier run used (letters only, as names are). */
    public static String uniqueFamilyName(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    public static String uniqueNationalId() {
        return "NID-" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }

    public static PatientData patient(String family, String given, LocalDate birthDate) {
        PatientData d = new PatientData();
        d.setFamilyName(family);
        d.setGivenName(given);
        d.setSex(Sex.FEMALE);
        d.setBirthDate(birthDate);
        d.setPhone("+1 555 0100");
        d.setEmail("patient@example.org");
        d.getAddress().setLine1("1 Main Street");
        d.getAddress().setCity("Springfield");
        d.getAddress().setPostalCode("12345");
        d.getNextOfKin().setName("Pat Kin");
        d.getNextOfKin().setRelationship("sister");
        d.getNextOfKin().setPhone("+1 555 0101");
        d.setIdentifiers(new java.util.ArrayList<>(List.of(
                new IdentifierEntry(IdentifierType.NATIONAL_ID, uniqueNationalId()))));
        return d;
    }
}
