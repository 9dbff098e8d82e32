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
                            boolean unidentified, boolean birthDateEstimated)
        implements PatientScoped, Serializable {

    public PatientRecord {
        identifiers = List.copyOf(identifiers);
    }

    static PatientRecord of(Patient p) {
        return new PatientRecord(p.getId(), p.getVersion(), p.getMrn(), p.getFamilyName(), p.getGivenName(),
                p.getMiddleName(), p.getSex(), p.getBirthDate(), p.getAddress().copy(), p.getPhone(),
                p.getEmail(), p.getNextOfKin().copy(),
                p.getIdentifiers().stream().map(i -> new IdentifierEntry(i.getType(), i.getValue())).toList(),
                p.getCreatedAt(), p.getCreatedBy(), p.getUpdatedAt(), p.getUpdatedBy(), p.isUnidentified(),
                p.isBirthDateEstimated());
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
