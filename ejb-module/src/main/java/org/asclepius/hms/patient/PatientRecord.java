package org.asclepius.hms.patient;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.asclepius.hms.shared.PatientScoped;

/** A patient's registration data as the screens and the API show it. */
public record PatientRecord(long id, long version, String mrn, String familyName, String givenName,
                            String middleName, Sex sex, LocalDate birthDate, Address address, String phone,
                            String email, NextOfKin nextOfKin, List<IdentifierEntry> identifiers,
                            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                            boolean unidentified, boolean birthDateEstimated, Link mergedInto,
                            List<Link> replaces)
        implements PatientScoped, Serializable {

    /** Another patient record this one is linked to by a merge. */
    public record Link(long id, String mrn) implements Serializable {
    }

    public PatientRecord {
        identifiers = List.copyOf(identifiers);
        replaces = replaces == null ? List.of() : List.copyOf(replaces);
    }

    /** A record not involved in any merge. */
    public PatientRecord(long id, long version, String mrn, String familyName, String givenName, String middleName,
                         Sex sex, LocalDate birthDate, Address address, String phone, String email,
                         NextOfKin nextOfKin, List<IdentifierEntry> identifiers, Instant createdAt, String createdBy,
                         Instant updatedAt, String updatedBy, boolean unidentified, boolean birthDateEstimated) {
        this(id, version, mrn, familyName, givenName, middleName, sex, birthDate, address, phone, email, nextOfKin,
                identifiers, createdAt, createdBy, updatedAt, updatedBy, unidentified, birthDateEstimated, null,
                List.of());
    }

    static PatientRecord of(Patient p) {
        return new PatientRecord(p.getId(), p.getVersion(), p.getMrn(), p.getFamilyName(), p.getGivenName(),
                p.getMiddleName(), p.getSex(), p.getBirthDate(), p.getAddress().copy(), p.getPhone(),
                p.getEmail(), p.getNextOfKin().copy(),
                p.getIdentifiers().stream().map(i -> new IdentifierEntry(i.getType(), i.getValue())).toList(),
                p.getCreatedAt(), p.getCreatedBy(), p.getUpdatedAt(), p.getUpdatedBy(), p.isUnidentified(),
                p.isBirthDateEstimated(),
                p.getMergedInto() == null ? null : new Link(p.getMergedInto().getId(), p.getMergedInto().getMrn()),
                p.getReplaced().stream().map(r -> new Link(r.getId(), r.getMrn())).toList());
    }

    /** True when this record was merged into another and only resolves to it. */
    public boolean isMerged() {
        return mergedInto != null;
    }

    @Override
    public long patientId() {
        return id;
    }

    /** "FAMILY, Given Middle" as hospitals print it on banners and labels. */
    public String displayName() {
        return PatientSummary.displayName(familyName, givenName, middleName);
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** A copy of the data for an edit form. */
    public PatientData toData() {
        PatientData d = new PatientData();
        d.setFamilyName(familyName);
        d.setGivenName(givenName);
        d.setMiddleName(middleName);
        d.setSex(sex);
        d.setBirthDate(birthDate);
        d.setAddress(address.copy());
        d.setPhone(phone);
        d.setEmail(email);
        d.setNextOfKin(nextOfKin.copy());
        d.setIdentifiers(new java.util.ArrayList<>(identifiers.stream()
                .map(i -> new IdentifierEntry(i.getType(), i.getValue())).toList()));
        return d;
    }
}
