package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.patient.IdentifierEntry;
import org.asclepius.hms.patient.IdentifierType;
import org.asclepius.hms.patient.IdentifierTypeData;
import org.asclepius.hms.patient.IdentifierTypeRecord;
import org.asclepius.hms.patient.IdentifierTypeService;
import org.asclepius.hms.patient.MedicalRecordNumber;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PatientQuery;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.PatientSummary;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.patient.UnidentifiedPatientData;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsBillingClerk;
import org.asclepius.hms.systemtest.callers.AsOtherReceptionist;
import org.asclepius.hms.systemtest.callers.AsPrivacyOfficer;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Patient registration services in the real server and database, with container security on. */
@ExtendWith(ArquillianExtension.class)
class PatientServiceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(PatientServiceIT.class);
    }

    @EJB
    PatientService patients;
    @EJB
    AuditTrail auditTrail;
    @EJB
    AsReceptionist receptionist;
    @EJB
    AsAdmin admin;
    @EJB
    IdentifierTypeService identifierTypes;
    @EJB
    AsOtherReceptionist otherReceptionist;
    @EJB
    AsBillingClerk billingClerk;
    @EJB
    AsPrivacyOfficer privacyOfficer;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    @Test
    void register_givesAValidUniqueMrnAndAuditsTheCreationAsTheClerk() throws Exception {
        String family = TestData.uniqueFamilyName("Reg");
        PatientRecord a = receptionist.call(() -> patients.register(TestData.patient(family, "Ada", LocalDate.of(1980, 1, 2))));
        PatientRecord b = receptionist.call(() -> patients.register(TestData.patient(family, "Bea", LocalDate.of(1981, 1, 2))));

        assertThat(MedicalRecordNumber.isValid(a.mrn())).isTrue();
        assertThat(MedicalRecordNumber.isValid(b.mrn())).isTrue();
        assertThat(a.mrn()).isNotEqualTo(b.mrn());
        assertThat(a.createdBy()).isEqualTo("test-receptionist");
        assertThat(a.version()).isZero();

        List<String> events = Db.column(db, "select action || '/' || outcome || '/' || user_name || '/' || user_roles"
                + " from audit_event where patient_id = ? order by id", a.id());
        assertThat(events).containsExactly("CREATE/SUCCESS/test-receptionist/receptionist");
    }

    @Test
    void register_badInputIsRefusedWithFieldMessagesAndNothingIsSaved() throws Exception {
        String family = TestData.uniqueFamilyName("Bad");
        PatientData data = TestData.patient(family, "<script>x</script>", LocalDate.now().plusDays(3));
        data.setIdentifiers(new ArrayList<>(List.of(new IdentifierEntry(IdentifierType.PASSPORT, "!!"))));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> receptionist.call(() -> patients.register(data)));

        assertThat(e.getFieldErrors()).containsKeys("givenName", "birthDate", "identifiers[0].value");
        assertThat(countPatients(family)).isZero();
        assertThat(Db.column(db, "select outcome from audit_event where action = 'CREATE' and outcome = 'FAILED'"
                + " and user_name = ? and detail = 'InvalidInputException'", "test-receptionist")).isNotEmpty();
    }

    @Test
    void register_refusesAnIdentifierAlreadyHeldByAnotherPatient() throws Exception {
        String family = TestData.uniqueFamilyName("Dup");
        PatientData first = TestData.patient(family, "Ann", LocalDate.of(1970, 5, 5));
        PatientRecord holder = receptionist.call(() -> patients.register(first));
        PatientData second = TestData.patient(family, "Other", LocalDate.of(1971, 5, 5));
        second.setIdentifiers(new ArrayList<>(first.getIdentifiers()));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> receptionist.call(() -> patients.register(second)));

        assertThat(e.getFieldErrors().get("identifiers[0].value")).contains(holder.mrn());
        assertThat(countPatients(family)).isEqualTo(1);
    }

    @Test
    void identifierTypes_areConfigured_validatedUniquePerType_andRetirable() throws Exception {
        String code = "TAX_" + (System.nanoTime() % 1_000_000_000L);
        IdentifierTypeData tax = new IdentifierTypeData();
        tax.setCode(code);
        tax.setLabel("Tax number " + code);
        tax.setSystem("http://example.org/" + code.toLowerCase());
        tax.setPattern("[0-9]{9}");
        tax.setRule("9 digits");
        tax.setSortOrder(500);

        assertThatThrownBy(() -> receptionist.call(() -> identifierTypes.add(tax))).isInstanceOf(EJBAccessException.class);
        IdentifierTypeData bad = new IdentifierTypeData();
        bad.setCode("x");
        bad.setPattern("[0-9");
        InvalidInputException badType = catchThrowableOfType(InvalidInputException.class,
                () -> admin.call(() -> identifierTypes.add(bad)));
        assertThat(badType.getFieldErrors()).containsKeys("code", "label", "system", "patternValid", "rule");
        IdentifierTypeRecord added = admin.call(() -> identifierTypes.add(tax));
        assertThat(receptionist.call(() -> identifierTypes.catalog()).active()).contains(added);

        // a patient can hold several identifiers; the value must follow the configured rule
        String family = TestData.uniqueFamilyName("Tax");
        PatientData data = TestData.patient(family, "Ida", LocalDate.of(1966, 6, 6));
        data.getIdentifiers().add(new IdentifierEntry(code, "12345"));
        InvalidInputException rule = catchThrowableOfType(InvalidInputException.class,
                () -> receptionist.call(() -> patients.register(data)));
        assertThat(rule.getFieldErrors()).containsEntry("identifiers[1].value", tax.getLabel() + " must be 9 digits");
        String taxNumber = String.valueOf(100_000_000L + System.nanoTime() % 800_000_000L);
        data.getIdentifiers().set(1, new IdentifierEntry(code, taxNumber));
        data.getIdentifiers().add(new IdentifierEntry(IdentifierType.PASSPORT, "X" + taxNumber.substring(0, 8)));
        PatientRecord holder = receptionist.call(() -> patients.register(data));
        assertThat(holder.identifiers()).extracting(IdentifierEntry::getType)
                .containsExactlyInAnyOrder(IdentifierType.NATIONAL_ID, code, IdentifierType.PASSPORT);
        // unique within the type
        PatientData other = TestData.patient(family, "Olga", LocalDate.of(1967, 7, 7));
        other.getIdentifiers().add(new IdentifierEntry(code, taxNumber));
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> receptionist.call(() -> patients.register(other))).getFieldErrors().get("identifiers[1].value"))
                .contains(holder.mrn());
        // searchable by type and value
        assertThat(receptionist.call(() -> patients.search(PatientQuery.EMPTY.withIdentifier(code, taxNumber), 0, 5))
                .items()).extracting(s -> s.id()).containsExactly(holder.id());

        // retired: no new identifiers of the type, but the holder keeps theirs through an edit
        tax.setActive(false);
        admin.call(() -> identifierTypes.update(code, added.version(), tax));
        other.getIdentifiers().set(1, new IdentifierEntry(code, "987654321"));
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> receptionist.call(() -> patients.register(other))).getFieldErrors())
                .containsKey("identifiers[1].type");
        PatientRecord current = receptionist.call(() -> patients.get(holder.id()));
        PatientData edit = current.toData();
        edit.setPhone("+1 555 0142");
        assertThat(receptionist.call(() -> patients.update(holder.id(), current.version(), edit)).identifiers())
                .extracting(IdentifierEntry::getValue).contains(taxNumber);
        assertThat(Db.column(db, "select detail from audit_event where resource_type = 'IdentifierType'"
                + " and resource_id = ?", code)).hasSize(2);
    }

    @Test
    void update_whenTwoClerksEditTheSamePatient_theSecondGetsAConflictAndNothingIsOverwritten() throws Exception {
        PatientRecord registered = receptionist.call(() -> patients.register(
                TestData.patient(TestData.uniqueFamilyName("Lock"), "Cara", LocalDate.of(1990, 7, 7))));
        PatientRecord loadedByFirst = receptionist.call(() -> patients.get(registered.id()));
        PatientRecord loadedBySecond = otherReceptionist.call(() -> patients.get(registered.id()));

        PatientData firstEdit = loadedByFirst.toData();
        firstEdit.setPhone("+1 555 0199");
        PatientRecord saved = receptionist.call(() -> patients.update(registered.id(), loadedByFirst.version(), firstEdit));
        PatientData secondEdit = loadedBySecond.toData();
        secondEdit.setPhone("+1 555 0777");

        ConcurrentUpdateException conflict = catchThrowableOfType(ConcurrentUpdateException.class,
                () -> otherReceptionist.call(() -> patients.update(registered.id(), loadedBySecond.version(), secondEdit)));

        assertThat(conflict.getMessage()).contains("test-receptionist").contains("reload");
        PatientRecord now = receptionist.call(() -> patients.get(registered.id()));
        assertThat(now.phone()).isEqualTo("+1 555 0199");
        assertThat(now.version()).isEqualTo(saved.version()).isEqualTo(1);
        assertThat(now.updatedBy()).isEqualTo("test-receptionist");
    }

    @Test
    void search_byNameInAnyOrderAndPartial_pagesOnTheServerAndAuditsEachListedPatient() throws Exception {
        String family = TestData.uniqueFamilyName("Find");
        List<Long> ids = new ArrayList<>();
        for (String given : List.of("Alice", "Albert", "Bob")) {
            ids.add(receptionist.call(() -> patients.register(TestData.patient(family, given, LocalDate.of(1985, 3, 9)))).id());
        }

        Page<PatientSummary> firstPage = receptionist.call(() -> patients.search(PatientQuery.byName(family), 0, 2));
        Page<PatientSummary> secondPage = receptionist.call(() -> patients.search(PatientQuery.byName(family), 2, 2));
        assertThat(firstPage.total()).isEqualTo(3);
        assertThat(firstPage.items()).hasSize(2);
        assertThat(secondPage.items()).hasSize(1);

        // partial given name first, then a partial family name: any order
        Page<PatientSummary> partial = receptionist.call(() -> patients.search(
                PatientQuery.byName("al " + family.substring(0, family.length() - 2)), 0, 10));
        assertThat(partial.items()).extracting(PatientSummary::givenName).containsExactlyInAnyOrder("Alice", "Albert");

        Page<PatientSummary> byDob = receptionist.call(() -> patients.search(
                PatientQuery.byName(family).withBirthDate(LocalDate.of(1985, 3, 9)), 0, 10));
        assertThat(byDob.total()).isEqualTo(3);

        String mrn = receptionist.call(() -> patients.get(ids.get(2))).mrn();
        Page<PatientSummary> byMrn = receptionist.call(() -> patients.search(
                PatientQuery.EMPTY.withMrn(mrn), 0, 10));
        assertThat(byMrn.items()).extracting(PatientSummary::id).containsExactly(ids.get(2));

        // each patient a search listed has its own SEARCH event
        for (PatientSummary listed : firstPage.items()) {
            assertThat(Db.column(db, "select id from audit_event where action = 'SEARCH' and patient_id = ?", listed.id()))
                    .isNotEmpty();
        }
    }

    @Test
    void search_byPhoneAndPostalCode_ranksWholeNamesFirst_andOnPostgresqlFindsMisspelledNames() throws Exception {
        String family = TestData.uniqueFamilyName("Rank");
        PatientData annabel = TestData.patient(family, "Annabel", LocalDate.of(1992, 4, 1));
        PatientData anna = TestData.patient(family, "Anna", LocalDate.of(1993, 4, 1));
        anna.setPhone("+1 (617) 555-0134");
        anna.getAddress().setPostalCode("02081");
        receptionist.call(() -> patients.register(annabel));
        long annaId = receptionist.call(() -> patients.register(anna)).id();

        Page<PatientSummary> ranked = receptionist.call(() -> patients.search(PatientQuery.byName("anna " + family), 0, 10));
        assertThat(ranked.items()).extracting(PatientSummary::givenName).containsExactly("Anna", "Annabel");

        Page<PatientSummary> byPhone = receptionist.call(() -> patients.search(
                PatientQuery.EMPTY.withPhone("617-555-0134"), 0, 10));
        assertThat(byPhone.items()).extracting(PatientSummary::id).contains(annaId);
        Page<PatientSummary> byPostalCode = receptionist.call(() -> patients.search(
                PatientQuery.byName(family).withPostalCode("02081"), 0, 10));
        assertThat(byPostalCode.items()).extracting(PatientSummary::id).containsExactly(annaId);

        // two neighbouring letters swapped, as clerks mistype ("Rank..." typed "Rnak...")
        String misspelled = "Rnak" + family.substring(4);
        Page<PatientSummary> fuzzy = receptionist.call(() -> patients.search(PatientQuery.byName(misspelled), 0, 10));
        if (onPostgresql()) {
            assertThat(fuzzy.items()).extracting(PatientSummary::familyName).containsOnly(family).hasSize(2);
        } else {
            assertThat(fuzzy.items()).as("H2 matches name parts by prefix only").isEmpty();
        }
    }

    @Test
    void search_withoutCriteriaOrWithAFutureBirthDate_isRefused() throws Exception {
        assertThatThrownBy(() -> receptionist.call(() -> patients.search(PatientQuery.byName(" "), 0, 10)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> receptionist.call(() -> patients.search(
                PatientQuery.byName("x").withBirthDate(LocalDate.now().plusDays(1)), 0, 10)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> receptionist.call(() -> patients.getByMrn("10000001")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("check the digits");
    }

    @Test
    void registerUnidentified_givesAPlaceholderNameCarryingTheMrnAndAnEstimatedBirthDate() throws Exception {
        UnidentifiedPatientData unknown = new UnidentifiedPatientData();
        unknown.setSex(Sex.MALE);
        unknown.setEstimatedAge(40);
        PatientRecord r = receptionist.call(() -> patients.registerUnidentified(unknown));

        assertThat(MedicalRecordNumber.isValid(r.mrn())).isTrue();
        assertThat(r.familyName()).isEqualTo("UNKNOWN");
        assertThat(r.givenName()).isEqualTo("Male-" + r.mrn());
        assertThat(r.unidentified()).isTrue();
        assertThat(r.birthDateEstimated()).isTrue();
        assertThat(r.birthDate().getYear()).isBetween(LocalDate.now().getYear() - 41, LocalDate.now().getYear() - 40);
        assertThat(Db.column(db, "select action from audit_event where patient_id = ?", r.id())).containsExactly("CREATE");

        UnidentifiedPatientData bad = new UnidentifiedPatientData();
        bad.setEstimatedAge(200);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> receptionist.call(() -> patients.registerUnidentified(bad)));
        assertThat(e.getFieldErrors()).containsOnlyKeys("sex", "estimatedAge");
        assertThatThrownBy(() -> billingClerk.call(() -> patients.registerUnidentified(unknown)))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void roles_areEnforcedByTheContainer() throws Exception {
        PatientData data = TestData.patient(TestData.uniqueFamilyName("Sec"), "Dan", LocalDate.of(1960, 1, 1));
        assertThatThrownBy(() -> billingClerk.call(() -> patients.register(data)))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> receptionist.call(() -> auditTrail.search(null, null, 0, 10)))
                .isInstanceOf(EJBAccessException.class);
        receptionist.call(() -> patients.register(TestData.patient(TestData.uniqueFamilyName("Sec"), "Eli",
                LocalDate.of(1961, 1, 1))));
        assertThat(privacyOfficer.call(() -> auditTrail.search(null, null, 0, 10)).items()).isNotEmpty();
        // and a caller with no identity at all is refused too
        assertThatThrownBy(() -> patients.search(PatientQuery.byName("x"), 0, 10))
                .isInstanceOf(EJBAccessException.class);
    }

    private boolean onPostgresql() throws Exception {
        try (Connection c = db.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    private long countPatients(String family) throws Exception {
        return Db.column(db, "select id from patient where family_name = ?", family).size();
    }

}
