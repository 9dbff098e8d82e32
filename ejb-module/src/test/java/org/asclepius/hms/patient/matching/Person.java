package org.asclepius.hms.patient.matching;

import java.time.LocalDate;

/** Test builder for {@link MatchCandidateData}: a full record that tests change one field at a time. */
final class Person {
    String family = "Smith";
    String given = "William";
    String middle = "Henry";
    String maiden;
    String sex = "MALE";
    LocalDate birthDate = LocalDate.of(1980, 3, 7);
    String phone = "(617) 555-0134";
    String addressLine = "12 Main Street";
    String city = "Boston";
    String postalCode = "02118";
    String nationalId = "999-12-3456";

    static Person william() {
        return new Person();
    }

    static Person mary() {
        Person p = new Person();
        p.family = "Johnson";
        p.given = "Mary";
        p.middle = "Ellen";
        p.maiden = "Carter";
        p.sex = "FEMALE";
        p.birthDate = LocalDate.of(1972, 11, 23);
        p.phone = "508-555-7711";
        p.addressLine = "4 Elm Road Apt 2";
        p.city = "Worcester";
        p.postalCode = "01602";
        p.nationalId = "999-55-1212";
        return p;
    }

    Person family(String v) { family = v; return this; }
    Person given(String v) { given = v; return this; }
    Person middle(String v) { middle = v; return this; }
    Person maiden(String v) { maiden = v; return this; }
    Person sex(String v) { sex = v; return this; }
    Person born(int y, int m, int d) { birthDate = LocalDate.of(y, m, d); return this; }
    Person born(LocalDate v) { birthDate = v; return this; }
    Person phone(String v) { phone = v; return this; }
    Person address(String line, String c, String postal) { addressLine = line; city = c; postalCode = postal; return this; }
    Person nationalId(String v) { nationalId = v; return this; }

    MatchCandidateData data() {
        return new MatchCandidateData(family, given, middle, maiden, sex, birthDate, phone, addressLine, city,
                postalCode, nationalId);
    }
}
