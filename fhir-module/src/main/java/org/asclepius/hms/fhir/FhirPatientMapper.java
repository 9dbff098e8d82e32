package org.asclepius.hms.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Patient.ContactComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * Maps between the FHIR R4 {@link Patient} and the registration data of the patient module. Pure: no I/O, no
 * container. What the hospital keeps maps both ways without loss; FHIR elements the hospital does not keep
 * (extra names, fax numbers, a second address, extensions...) are not stored.
 *
 * <ul>
 *   <li>id = the patient id, meta.versionId = the record's version (the ETag of a read)</li>
 *   <li>identifier: the MRN with system {@link IdentifierType#MRN_SYSTEM} (type v2-0203 MR), every other
 *       identifier with the system configured for its type ({@link IdentifierTypes})</li>
 *   <li>name (use official): family, given[0] = given name, given[1..] = middle name(s)</li>
 *   <li>gender = sex, birthDate, telecom phone and email, address, contact = next of kin</li>
 *   <li>active = false for a record merged into another, with link replaced-by to the survivor; the survivor
 *       has link replaces to each record merged into it</li>
 * </ul>
 */
public final class FhirPatientMapper {
    /** HL7 v2 table 0203, the identifier type codes. */
    public static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    /** The code system of the SUBSETTED tag, put on search results that carry only the summary. */
    public static final String OBSERVATION_VALUE = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    public static final String SUBSETTED = "SUBSETTED";

    /** Whether the MRN may appear in the incoming resource. */
    public enum Purpose {
        /** the hospital assigns the MRN: a client-sent MRN is refused */
        CREATE,
        /** a client sends back what it read: an MRN identifier is ignored (it never changes) */
        UPDATE
    }

    /** The service input and where each of its fields came from in the resource. */
    public record Mapped(PatientData data, FhirFieldPaths paths) {
    }

    private FhirPatientMapper() {
    }

    // ---------------------------------------------------------------- to FHIR

    /** The full resource of one patient. */
    public static Patient toFhir(PatientRecord r, IdentifierTypes types) {
        Patient p = new Patient();
        String version = Long.toString(r.version());
        p.setId(new IdType("Patient", Long.toString(r.id()), version));
        p.getMeta().setVersionId(version);
        if (r.updatedAt() != null) {
            p.getMeta().setLastUpdated(Date.from(r.updatedAt()));
        }
        addMrn(p, r.mrn());
        for (IdentifierEntry entry : r.identifiers()) {
            if (entry.getType() != null && notBlank(entry.getValue())) {
                p.addIdentifier(identifier(types, entry.getType(), entry.getValue()));
            }
        }
        // a merged record stays readable: inactive, and linked to the record that replaced it
        p.setActive(!r.isMerged());
        if (r.mergedInto() != null) {
            p.addLink().setType(Patient.LinkType.REPLACEDBY).setOther(
                    new Reference("Patient/" + r.mergedInto().id()).setDisplay("MRN " + r.mergedInto().mrn()));
        }
        for (PatientRecord.Link replaced : r.replaces()) {
            p.addLink().setType(Patient.LinkType.REPLACES).setOther(
                    new Reference("Patient/" + replaced.id()).setDisplay("MRN " + replaced.mrn()));
        }
        p.addName(name(r.familyName(), r.givenName(), r.middleName()));
        p.setGender(gender(r.sex()));
        if (r.birthDate() != null) {
            p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(r.birthDate().toString()));
        }
        if (notBlank(r.phone())) {
            p.addTelecom(new ContactPoint().setSystem(ContactPointSystem.PHONE).setValue(r.phone().trim()));
        }
        if (notBlank(r.email())) {
            p.addTelecom(new ContactPoint().setSystem(ContactPointSystem.EMAIL).setValue(r.email().trim()));
        }
        if (r.address() != null && !blankAddress(r.address())) {
            p.addAddress(address(r.address()));
        }
        NextOfKin kin = r.nextOfKin();
        if (kin != null && (notBlank(kin.getName()) || notBlank(kin.getRelationship()) || notBlank(kin.getPhone()))) {
            ContactComponent contact = p.addContact();
            if (notBlank(kin.getName())) {
                contact.setName(new HumanName().setText(kin.getName().trim()));
            }
            if (notBlank(kin.getRelationship())) {
                contact.addRelationship(new CodeableConcept().setText(kin.getRelationship().trim()));
            }
            if (notBlank(kin.getPhone())) {
                contact.addTelecom(new ContactPoint().setSystem(ContactPointSystem.PHONE)
                        .setValue(kin.getPhone().trim()));
            }
        }
        return p;
    }

    /**
     * A search hit: only what the search returns (no version, no full address), so it is tagged SUBSETTED as
     * FHIR asks for incomplete resources. Read the patient before updating it.
     */
    public static Patient toFhir(PatientSummary s) {
        Patient p = new Patient();
        p.setId(new IdType("Patient", Long.toString(s.id())));
        p.getMeta().addTag(OBSERVATION_VALUE, SUBSETTED, "subsetted");
        addMrn(p, s.mrn());
        p.addName(name(s.familyName(), s.givenName(), s.middleName()));
        p.setGender(gender(s.sex()));
        if (s.birthDate() != null) {
            p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(s.birthDate().toString()));
        }
        if (notBlank(s.phone())) {
            p.addTelecom(new ContactPoint().setSystem(ContactPointSystem.PHONE).setValue(s.phone().trim()));
        }
        if (notBlank(s.city())) {
            p.addAddress().setCity(s.city().trim());
        }
        return p;
    }

    public static AdministrativeGender gender(Sex sex) {
        if (sex == null) {
            return null;
        }
        return switch (sex) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        };
    }

    public static Sex sex(AdministrativeGender gender) {
        if (gender == null) {
            return null;
        }
        return switch (gender) {
            case FEMALE -> Sex.FEMALE;
            case MALE -> Sex.MALE;
            case OTHER -> Sex.OTHER;
            case UNKNOWN -> Sex.UNKNOWN;
            case NULL -> null;
        };
    }

    private static void addMrn(Patient p, String mrn) {
        if (notBlank(mrn)) {
            p.addIdentifier()
                    .setUse(Identifier.IdentifierUse.OFFICIAL)
                    .setType(new CodeableConcept().addCoding(
                            new org.hl7.fhir.r4.model.Coding(V2_0203, "MR", "Medical record number")))
                    .setSystem(IdentifierType.MRN_SYSTEM)
                    .setValue(mrn);
        }
    }

    private static Identifier identifier(IdentifierTypes types, String code, String value) {
        Identifier id = new Identifier().setValue(value.trim());
        IdentifierTypeRecord type = types.byCode(code).orElse(null);
        if (type == null) {
            // a type removed from the configuration: still shown, under a local system naming its code
            return id.setSystem("urn:asclepius:id:" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .setType(new CodeableConcept().setText(code));
        }
        id.setSystem(type.system());
        CodeableConcept concept = new CodeableConcept().setText(type.label());
        if (type.v2Code() != null) {
            concept.addCoding(new org.hl7.fhir.r4.model.Coding(V2_0203, type.v2Code(), null));
        }
        return id.setType(concept);
    }

    private static HumanName name(String family, String given, String middle) {
        HumanName name = new HumanName().setUse(HumanName.NameUse.OFFICIAL);
        if (notBlank(family)) {
            name.setFamily(family.trim());
        }
        if (notBlank(given)) {
            name.addGiven(given.trim());
            if (notBlank(middle)) {
                name.addGiven(middle.trim());
            }
        }
        return name;
    }

    private static org.hl7.fhir.r4.model.Address address(Address a) {
        org.hl7.fhir.r4.model.Address fhir = new org.hl7.fhir.r4.model.Address()
                .setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME);
        if (notBlank(a.getLine1())) {
            fhir.addLine(a.getLine1().trim());
        }
        if (notBlank(a.getLine2())) {
            fhir.addLine(a.getLine2().trim());
        }
        if (notBlank(a.getCity())) {
            fhir.setCity(a.getCity().trim());
        }
        if (notBlank(a.getState())) {
            fhir.setState(a.getState().trim());
        }
        if (notBlank(a.getPostalCode())) {
            fhir.setPostalCode(a.getPostalCode().trim());
        }
        if (notBlank(a.getCountry())) {
            fhir.setCountry(a.getCountry().trim());
        }
        return fhir;
    }

    private static boolean blankAddress(Address a) {
        return Stream.of(a.getLine1(), a.getLine2(), a.getCity(), a.getState(), a.getPostalCode(), a.getCountry())
                .noneMatch(FhirPatientMapper::notBlank);
    }

    // ---------------------------------------------------------------- from FHIR

    /**
     * The service input for a create or an update. Field errors that only the resource can have (an unknown
     * identifier system, a partial birth date) are thrown as an {@link InvalidInputException} whose fields are
     * FHIR expressions ({@code Patient.identifier[1].system}); the rest is left to the service, whose field
     * paths {@link Mapped#paths()} translates back into the resource.
     */
    public static Mapped toData(Patient p, Purpose purpose, IdentifierTypes types) {
        FhirFieldPaths paths = new FhirFieldPaths();
        Map<String, String> errors = new LinkedHashMap<>();
        PatientData d = new PatientData();

        // name: the official one, else the first
        List<HumanName> names = p.getName();
        int nameIndex = indexOfFirst(names, n -> n.getUse() == HumanName.NameUse.OFFICIAL);
        if (nameIndex < 0 && !names.isEmpty()) {
            nameIndex = 0;
        }
        paths.name("Patient.name[" + Math.max(nameIndex, 0) + "]");
        if (nameIndex >= 0) {
            HumanName name = names.get(nameIndex);
            d.setFamilyName(blankToNull(name.getFamily()));
            List<StringType> given = name.getGiven();
            if (!given.isEmpty()) {
                d.setGivenName(blankToNull(given.get(0).getValue()));
            }
            if (given.size() > 1) {
                d.setMiddleName(blankToNull(given.subList(1, given.size()).stream()
                        .map(StringType::getValue).filter(FhirPatientMapper::notBlank).map(String::trim)
                        .collect(Collectors.joining(" "))));
            }
        }

        d.setSex(sex(p.getGender()));

        if (p.hasBirthDateElement() && p.getBirthDateElement().getValue() != null) {
            if (p.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
                errors.put("Patient.birthDate", "must be a full date (YYYY-MM-DD)");
            } else {
                d.setBirthDate(LocalDate.parse(p.getBirthDateElement().getValueAsString()));
            }
        }

        // telecom: the first phone and the first e-mail that are not marked old
        List<ContactPoint> telecom = p.getTelecom();
        int phone = indexOfFirst(telecom, t -> t.getSystem() == ContactPointSystem.PHONE && current(t));
        if (phone >= 0) {
            d.setPhone(blankToNull(telecom.get(phone).getValue()));
            paths.phone("Patient.telecom[" + phone + "].value");
        }
        int email = indexOfFirst(telecom, t -> t.getSystem() == ContactPointSystem.EMAIL && current(t));
        if (email >= 0) {
            d.setEmail(blankToNull(telecom.get(email).getValue()));
            paths.email("Patient.telecom[" + email + "].value");
        }

        // address: the home one, else the first that is not old
        List<org.hl7.fhir.r4.model.Address> addresses = p.getAddress();
        int addressIndex = indexOfFirst(addresses, a -> a.getUse() == org.hl7.fhir.r4.model.Address.AddressUse.HOME);
        if (addressIndex < 0) {
            addressIndex = indexOfFirst(addresses, a -> a.getUse() != org.hl7.fhir.r4.model.Address.AddressUse.OLD);
        }
        if (addressIndex >= 0) {
            org.hl7.fhir.r4.model.Address a = addresses.get(addressIndex);
            paths.address("Patient.address[" + addressIndex + "]");
            List<StringType> lines = a.getLine();
            Address address = new Address();
            if (!lines.isEmpty()) {
                address.setLine1(blankToNull(lines.get(0).getValue()));
            }
            if (lines.size() > 1) {
                address.setLine2(blankToNull(lines.subList(1, lines.size()).stream()
                        .map(StringType::getValue).filter(FhirPatientMapper::notBlank).map(String::trim)
                        .collect(Collectors.joining(", "))));
            }
            address.setCity(blankToNull(a.getCity()));
            address.setState(blankToNull(a.getState()));
            address.setPostalCode(blankToNull(a.getPostalCode()));
            address.setCountry(blankToNull(a.getCountry()));
            d.setAddress(address);
        }

        // next of kin: the first contact
        if (p.hasContact()) {
            ContactComponent contact = p.getContactFirstRep();
            NextOfKin kin = new NextOfKin();
            if (contact.hasName()) {
                HumanName n = contact.getName();
                kin.setName(blankToNull(n.hasText() ? n.getText() : n.getNameAsSingleString()));
            }
            if (contact.hasRelationship()) {
                CodeableConcept rel = contact.getRelationshipFirstRep();
                String text = rel.hasText() ? rel.getText()
                        : rel.hasCoding() ? firstNonBlank(rel.getCodingFirstRep().getDisplay(),
                        rel.getCodingFirstRep().getCode()) : null;
                kin.setRelationship(blankToNull(text));
            }
            int kinPhone = indexOfFirst(contact.getTelecom(), t -> t.getSystem() == ContactPointSystem.PHONE);
            if (kinPhone >= 0) {
                kin.setPhone(blankToNull(contact.getTelecom().get(kinPhone).getValue()));
                paths.kinPhone("Patient.contact[0].telecom[" + kinPhone + "].value");
            }
            d.setNextOfKin(kin);
        }

        // identifiers: the MRN belongs to the hospital; every other one needs a known system
        List<IdentifierEntry> entries = new ArrayList<>();
        List<Identifier> identifiers = p.getIdentifier();
        for (int i = 0; i < identifiers.size(); i++) {
            Identifier id = identifiers.get(i);
            String at = "Patient.identifier[" + i + "]";
            String system = blankToNull(id.getSystem());
            if (IdentifierType.MRN_SYSTEM.equals(system)) {
                if (purpose == Purpose.CREATE) {
                    errors.put(at + ".system", "the MRN is assigned by the hospital on registration: leave it out");
                }
                continue;
            }
            if (system == null) {
                errors.put(at + ".system", "give the identifier system, one of: " + types.activeSystems());
                continue;
            }
            IdentifierTypeRecord type = types.bySystem(system).orElse(null);
            if (type == null) {
                errors.put(at + ".system", "unknown identifier system '" + system + "'; known systems: "
                        + types.activeSystems());
                continue;
            }
            paths.identifier(entries.size(), at);
            entries.add(new IdentifierEntry(type.code(), blankToNull(id.getValue())));
        }
        d.setIdentifiers(entries);

        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Mapped(d, paths);
    }

    private static boolean current(ContactPoint t) {
        return t.getUse() != ContactPoint.ContactPointUse.OLD;
    }

    private static <T> int indexOfFirst(List<T> items, java.util.function.Predicate<T> test) {
        for (int i = 0; i < items.size(); i++) {
            if (test.test(items.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String firstNonBlank(String a, String b) {
        return notBlank(a) ? a : b;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return notBlank(s) ? s.trim() : null;
    }
}
