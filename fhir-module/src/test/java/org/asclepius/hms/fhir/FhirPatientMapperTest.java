package org.asclepius.hms.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.patient.Address;
import org.asclepius.hms.patient.IdentifierEntry;
import org.asclepius.hms.patient.IdentifierType;
import org.asclepius.hms.patient.IdentifierTypeRecord;
import org.asclepius.hms.patient.IdentifierTypes;
import org.asclepius.hms.patient.NextOfKin;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientSummary;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.InvalidInputException;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FhirPatientMapperTest {
    static final Instant UPDATED = Instant.parse("2025-03-04T05:06:07Z");

    static PatientRecord fullRecord() {
        return new PatientRecord(42L, 7L, "10000009", "Smith", "John", "Quincy", Sex.MALE,
                LocalDate.of(1980, 2, 29),
                new Address("1 Main Street", "Flat 2", "Springfield", "IL", "62701", "US"),
                "+1 555 0100", "john.smith@example.org",
                new NextOfKin("Jane Smith", "wife", "+1 555 0101"),
                List.of(new IdentifierEntry(IdentifierType.NATIONAL_ID, "AB-12345"),
                        new IdentifierEntry(IdentifierType.PASSPORT, "X1234567"),
                        new IdentifierEntry(IdentifierType.INSURANCE_MEMBER_ID, "INS-777"),
                        new IdentifierEntry(IdentifierType.DRIVERS_LICENSE, "D1234-567")),
                UPDATED.minusSeconds(3600), "clerk", UPDATED, "nurse", false, false);
    }

    @Test
    void toFhir_writesEveryField() {
        Patient p = FhirPatientMapper.toFhir(fullRecord(), SeededIdentifierTypes.TYPES);

        assertThat(p.getIdElement().getIdPart()).isEqualTo("42");
        assertThat(p.getIdElement().getVersionIdPart()).isEqualTo("7");
        assertThat(p.getMeta().getVersionId()).isEqualTo("7");
        assertThat(p.getMeta().getLastUpdated().toInstant()).isEqualTo(UPDATED);

        Identifier mrn = p.getIdentifier().get(0);
        assertThat(mrn.getSystem()).isEqualTo(IdentifierType.MRN_SYSTEM);
        assertThat(mrn.getValue()).isEqualTo("10000009");
        assertThat(mrn.getType().getCodingFirstRep().getSystem()).isEqualTo(FhirPatientMapper.V2_0203);
        assertThat(mrn.getType().getCodingFirstRep().getCode()).isEqualTo("MR");
        assertThat(p.getIdentifier()).extracting(Identifier::getSystem).containsExactly(
                IdentifierType.MRN_SYSTEM, "urn:asclepius:id:national-id", "urn:asclepius:id:passport",
                "urn:asclepius:id:insurance-member", "urn:asclepius:id:drivers-license");
        assertThat(p.getIdentifier()).extracting(Identifier::getValue).containsExactly(
                "10000009", "AB-12345", "X1234567", "INS-777", "D1234-567");

        HumanName name = p.getNameFirstRep();
        assertThat(name.getUse()).isEqualTo(HumanName.NameUse.OFFICIAL);
        assertThat(name.getFamily()).isEqualTo("Smith");
        assertThat(name.getGiven()).extracting(g -> g.getValue()).containsExactly("John", "Quincy");
        assertThat(p.getGender()).isEqualTo(AdministrativeGender.MALE);
        assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo("1980-02-29");

        assertThat(p.getTelecom()).extracting(ContactPoint::getSystem, ContactPoint::getValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ContactPoint.ContactPointSystem.PHONE, "+1 555 0100"),
                org.assertj.core.groups.Tuple.tuple(ContactPoint.ContactPointSystem.EMAIL, "john.smith@example.org"));

        org.hl7.fhir.r4.model.Address address = p.getAddressFirstRep();
        assertThat(address.getLine()).extracting(l -> l.getValue()).containsExactly("1 Main Street", "Flat 2");
        assertThat(address.getCity()).isEqualTo("Springfield");
        assertThat(address.getState()).isEqualTo("IL");
        assertThat(address.getPostalCode()).isEqualTo("62701");
        assertThat(address.getCountry()).isEqualTo("US");

        Patient.ContactComponent kin = p.getContactFirstRep();
        assertThat(kin.getName().getText()).isEqualTo("Jane Smith");
        assertThat(kin.getRelationshipFirstRep().getText()).isEqualTo("wife");
        assertThat(kin.getTelecomFirstRep().getSystem()).isEqualTo(ContactPoint.ContactPointSystem.PHONE);
        assertThat(kin.getTelecomFirstRep().getValue()).isEqualTo("+1 555 0101");
    }

    @Test
    void roundTrip_recordToFhirToData_keepsEveryField() {
        PatientRecord record = fullRecord();

        PatientData data = FhirPatientMapper.toData(FhirPatientMapper.toFhir(record, SeededIdentifierTypes.TYPES),
                FhirPatientMapper.Purpose.UPDATE, SeededIdentifierTypes.TYPES).data();

        assertSameData(data, record.toData());
    }

    @Test
    void roundTrip_throughJsonAndXml_keepsEveryField() {
        FhirContext ctx = HmsFhirServer.newContext();
        PatientRecord record = fullRecord();
        Patient original = FhirPatientMapper.toFhir(record, SeededIdentifierTypes.TYPES);

        Patient fromJson = ctx.newJsonParser().parseResource(Patient.class,
                ctx.newJsonParser().encodeResourceToString(original));
        Patient fromXml = ctx.newXmlParser().parseResource(Patient.class,
                ctx.newXmlParser().encodeResourceToString(original));

        assertSameData(FhirPatientMapper.toData(fromJson, FhirPatientMapper.Purpose.UPDATE, SeededIdentifierTypes.TYPES).data(), record.toData());
        assertSameData(FhirPatientMapper.toData(fromXml, FhirPatientMapper.Purpose.UPDATE, SeededIdentifierTypes.TYPES).data(), record.toData());
        assertThat(fromJson.getMeta().getVersionId()).isEqualTo("7");
    }

    @Test
    void roundTrip_minimalRecord_leavesOptionalElementsOut() {
        PatientRecord minimal = new PatientRecord(1L, 0L, "10000009", "Doe", "Jane", null, Sex.FEMALE,
                LocalDate.of(2001, 1, 2), new Address(), null, null, new NextOfKin(), List.of(),
                UPDATED, "clerk", UPDATED, "clerk", false, false);

        Patient p = FhirPatientMapper.toFhir(minimal, SeededIdentifierTypes.TYPES);

        assertThat(p.getTelecom()).isEmpty();
        assertThat(p.getAddress()).isEmpty();
        assertThat(p.getContact()).isEmpty();
        assertThat(p.getNameFirstRep().getGiven()).hasSize(1);
        assertThat(p.getIdentifier()).hasSize(1);
        assertSameData(FhirPatientMapper.toData(p, FhirPatientMapper.Purpose.UPDATE, SeededIdentifierTypes.TYPES).data(), minimal.toData());
    }

    @Test
    void toFhir_summary_isTaggedSubsettedAndCarriesWhatTheSearchReturns() {
        PatientSummary s = new PatientSummary(5L, "10000017", "Roe", "Richard", null, Sex.UNKNOWN,
                LocalDate.of(1975, 12, 31), "555-0199", "Shelbyville");

        Patient p = FhirPatientMapper.toFhir(s);

        assertThat(p.getIdElement().getIdPart()).isEqualTo("5");
        assertThat(p.getIdElement().hasVersionIdPart()).isFalse();
        assertThat(p.getMeta().getTag(FhirPatientMapper.OBSERVATION_VALUE, FhirPatientMapper.SUBSETTED)).isNotNull();
        assertThat(p.getIdentifierFirstRep().getSystem()).isEqualTo(IdentifierType.MRN_SYSTEM);
        assertThat(p.getIdentifierFirstRep().getValue()).isEqualTo("10000017");
        assertThat(p.getNameFirstRep().getFamily()).isEqualTo("Roe");
        assertThat(p.getGender()).isEqualTo(AdministrativeGender.UNKNOWN);
        assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo("1975-12-31");
        assertThat(p.getTelecomFirstRep().getValue()).isEqualTo("555-0199");
        assertThat(p.getAddressFirstRep().getCity()).isEqualTo("Shelbyville");
    }

    @ParameterizedTest
    @EnumSource(Sex.class)
    void gender_mapsEverySexBothWays(Sex sex) {
        AdministrativeGender gender = FhirPatientMapper.gender(sex);

        assertThat(gender.toCode()).isEqualTo(sex.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(FhirPatientMapper.sex(gender)).isEqualTo(sex);
    }

    @Test
    void gender_nullAndTheNullCode_giveNoSex() {
        assertThat(FhirPatientMapper.sex(null)).isNull();
        assertThat(FhirPatientMapper.sex(AdministrativeGender.NULL)).isNull();
        assertThat(FhirPatientMapper.gender(null)).isNull();
    }

    @Test
    void identifier_systemOfEachConfiguredTypeMapsBackToTheType() {
        for (IdentifierTypeRecord type : SeededIdentifierTypes.TYPES.all()) {
            identifier_systemMapsBackToTheType(type);
        }
    }

    @Test
    void identifier_ofATypeAddedByConfiguration_mapsBothWays() {
        IdentifierTypeRecord taxNumber = new IdentifierTypeRecord("TAX_NUMBER", "Tax number",
                "http://example.org/tax-number", "TAX", "[0-9]{9}", "9 digits", true, 50, 0);
        IdentifierTypes types = new IdentifierTypes(List.of(SeededIdentifierTypes.PASSPORT, taxNumber));
        Patient p = newPatient();
        p.addIdentifier().setSystem("http://example.org/tax-number").setValue("123456789");
        PatientData data = FhirPatientMapper.toData(p, FhirPatientMapper.Purpose.CREATE, types).data();
        assertThat(data.getIdentifiers()).extracting(IdentifierEntry::getType).containsExactly("TAX_NUMBER");

        PatientRecord r = new PatientRecord(1, 0, "10000009", "Doe", "Jo", null, Sex.FEMALE,
                java.time.LocalDate.of(1990, 1, 2), new Address(), null, null, new NextOfKin(), data.getIdentifiers(),
                null, null, null, null, false, false);
        Identifier tax = FhirPatientMapper.toFhir(r, types).getIdentifier().get(1);
        assertThat(tax.getSystem()).isEqualTo("http://example.org/tax-number");
        assertThat(tax.getType().getText()).isEqualTo("Tax number");
        assertThat(tax.getType().getCodingFirstRep().getCode()).isEqualTo("TAX");
    }

    @Test
    void mergedRecord_isInactiveAndLinkedToItsSurvivor_andTheSurvivorLinksBack() {
        PatientRecord full = fullRecord();
        PatientRecord retired = new PatientRecord(full.id(), full.version(), full.mrn(), full.familyName(),
                full.givenName(), full.middleName(), full.sex(), full.birthDate(), full.address(), full.phone(),
                full.email(), full.nextOfKin(), full.identifiers(), full.createdAt(), full.createdBy(),
                full.updatedAt(), full.updatedBy(), false, false, new PatientRecord.Link(77, "10000777"), List.of());
        Patient p = FhirPatientMapper.toFhir(retired, SeededIdentifierTypes.TYPES);
        assertThat(p.getActive()).isFalse();
        assertThat(p.getLink()).singleElement().satisfies(l -> {
            assertThat(l.getType()).isEqualTo(Patient.LinkType.REPLACEDBY);
            assertThat(l.getOther().getReference()).isEqualTo("Patient/77");
        });

        PatientRecord survivor = new PatientRecord(77, 3, "10000777", "Smith", "John", null, Sex.MALE,
                full.birthDate(), new Address(), null, null, new NextOfKin(), List.of(), null, null, null, null,
                false, false, null, List.of(new PatientRecord.Link(full.id(), full.mrn())));
        Patient s = FhirPatientMapper.toFhir(survivor, SeededIdentifierTypes.TYPES);
        assertThat(s.getActive()).isTrue();
        assertThat(s.getLink()).singleElement().satisfies(l -> {
            assertThat(l.getType()).isEqualTo(Patient.LinkType.REPLACES);
            assertThat(l.getOther().getReference()).isEqualTo("Patient/" + full.id());
        });
    }

    private void identifier_systemMapsBackToTheType(IdentifierTypeRecord type) {
        Patient p = newPatient();
        p.addIdentifier().setSystem(type.system()).setValue("ABC12345");

        PatientData data = FhirPatientMapper.toData(p, FhirPatientMapper.Purpose.CREATE, SeededIdentifierTypes.TYPES).data();

        assertThat(data.getIdentifiers()).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo(type.code());
            assertThat(e.getValue()).isEqualTo("ABC12345");
        });
    }

    @Test
    void identifier_unknownSystemOnCreate_isAFieldErrorNamingTheIdentifier() {
        Patient p = newPatient();
        p.addIdentifier().setSystem("urn:asclepius:id:national-id").setValue("AB-12345");
        p.addIdentifier().setSystem("http://example.org/unknown").setValue("1");
        p.addIdentifier().setValue("no-system");

        assertThatThrownBy(() -> FhirPatientMapper.toData(p, FhirPatientMapper.Purpose.CREATE, SeededIdentifierTypes.TYPES))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getFieldErrors()).containsOnlyKeys(
                            "Patient.identifier[1].system", "Patient.identifier[2].system");
                    assertThat(e.getFieldErrors().get("Patient.identifier[1].system"))
                            .contains("http://example.org/unknown");
                });
    }

    @Test
    void identifier_mrnOnCreate_isRefused_andOnUpdate_isIgnored() {
        Patient p = newPatient();
        p.addIdentifier().setSystem(IdentifierType.MRN_SYSTEM).setValue("10000009");
        p.addIdentifier().setSystem(SeededIdentifierTypes.PASSPORT.system()).setValue("X1234567");

        assertThatThrownBy(() -> FhirPatientMapper.toData(p, FhirPatientMapper.Purpose.CREATE, SeededIdentifierTypes.TYPES))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.getFieldErrors()).containsOnlyKeys("Patient.identifier[0].system"));

        FhirPatientMapper.Mapped mapped = FhirPatientMapper.toData(p, FhirPatientMapper.Purpose.UPDATE, SeededIdentifierTypes.TYPES);
        assertThat(mapped.data().getIdentifiers()).extracting(IdentifierEntry::getType)
                .containsExactly(IdentifierType.PASSPORT);
        // the passport is the data's identifiers[0] but the resource's identifier[1]
        assertThat(mapped.paths().expressionFor("identifiers[0].value")).isEqualTo("Patient.identifier[1].value");
        assertThat(mapped.paths().expressionFor("identifiers[0].type")).isEqualTo("Patient.identifier[1].system");
    }

    @Test
    void birthDate_partialDate_isAFieldError() {
        Patient p = newPatient();
        p.setBirthDateElement(new DateType("1980-05"));

        assertThatThrownBy(() -> FhirPatientMapper.toData(p, FhirPatientMapper.Purpose.CREATE, SeededIdentifierTypes.TYPES))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.getFieldErrors()).containsOnlyKeys("Patient.birthDate"));
    }

    @Test
    void name_officialNameIsTaken_andItsPositionIsRemembered() {
        Patient p = new Patient();
        p.addName().setUse(HumanName.NameUse.NICKNAME).setFamily("Nick").addGiven("N");
        p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Official").addGiven("Anna").addGiven("Maria")
                .addGiven("Luisa");

        FhirPatientMapper.Mapped mapped = FhirPatientMapper.toData(p, FhirPatientMapper.Purpose.CREATE, SeededIdentifierTypes.TYPES);

        assertThat(mapped.data().getFamilyName()).isEqualTo("Official");
        assertThat(mapped.data().getGivenName()).isEqualTo("Anna");
        assertThat(mapped.data().getMiddleName()).isEqualTo("Maria Luisa");
        assertThat(mapped.paths().expressionFor("familyName")).isEqualTo("Patient.name[1].family");
        assertThat(mapped.paths().expressionFor("middleName")).isEqualTo("Patient.name[1].given[1]");
    }

    @Test
    void telecomAndAddress_positionsAreRemembered_oldOnesSkipped() {
        Patient p = newPatient();
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.OLD)
                .setValue("000");
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("a@example.org");
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("555-1234");
        p.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.WORK).setCity("Work town");
        p.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME).setCity("Home town").setPostalCode("1");

        FhirPatientMapper.Mapped mapped = FhirPatientMapper.toData(p, FhirPatientMapper.Purpose.CREATE, SeededIdentifierTypes.TYPES);

        assertThat(mapped.data().getPhone()).isEqualTo("555-1234");
        assertThat(mapped.data().getEmail()).isEqualTo("a@example.org");
        assertThat(mapped.data().getAddress().getCity()).isEqualTo("Home town");
        assertThat(mapped.paths().expressionFor("phone")).isEqualTo("Patient.telecom[2].value");
        assertThat(mapped.paths().expressionFor("email")).isEqualTo("Patient.telecom[1].value");
        assertThat(mapped.paths().expressionFor("address.postalCode")).isEqualTo("Patient.address[1].postalCode");
    }

    static Patient newPatient() {
        Patient p = new Patient();
        p.addName().setFamily("Doe").addGiven("Jane");
        p.setGender(AdministrativeGender.FEMALE);
        p.setBirthDateElement(new DateType("1990-01-31"));
        return p;
    }

    static void assertSameData(PatientData actual, PatientData expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }
}
