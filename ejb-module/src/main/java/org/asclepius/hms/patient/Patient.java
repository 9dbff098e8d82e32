package org.asclepius.hms.patient;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.asclepius.hms.shared.TrackedEntity;

/** A person registered at the hospital: the anchor of every record about them. */
@Entity
@Table(name = "patient")
public class Patient extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patient_seq")
    @SequenceGenerator(name = "patient_seq", sequenceName = "patient_seq", allocationSize = 50)
    private Long id;

    @Column(name = "mrn", nullable = false, unique = true, updatable = false, length = 20)
    private String mrn;
    @Column(name = "family_name", nullable = false, length = 100)
    private String familyName;
    @Column(name = "given_name", nullable = false, length = 100)
    private String givenName;
    @Column(name = "middle_name", length = 100)
    private String middleName;
    /** lower-case, accent-free " given middle family " for searching by any part in any order */
    @Column(name = "name_key", nullable = false, length = 310)
    private String nameKey;
    @Enumerated(EnumType.STRING)
    @Column(name = "sex", nullable = false, length = 10)
    private Sex sex;
    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;
    @Embedded
    private Address address = new Address();
    @Column(name = "phone", length = 25)
    private String phone;
    /** the phone's digits only, for searching however it was typed */
    @Column(name = "phone_key", length = 25)
    private String phoneKey;
    @Column(name = "email", length = 120)
    private String email;
    @Embedded
    private NextOfKin nextOfKin = new NextOfKin();
    /** registered in an emergency before the person could be identified */
    @Column(name = "unidentified", nullable = false)
    private boolean unidentified;
    @Column(name = "birth_date_estimated", nullable = false)
    private boolean birthDateEstimated;
    /** A restricted record (VIP, staff, sensitive): break-the-glass even for the care team. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "restriction", length = 20)
    private PatientRestriction restriction;

    @OneToMany(mappedBy = "patient", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("type, value")
    private List<PatientIdentifier> identifiers = new ArrayList<>();

    /** Set when this record was merged into another (the survivor); it then only resolves to the survivor. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "merged_into")
    private Patient mergedInto;

    /** The records merged into this one. */
    @OneToMany(mappedBy = "mergedInto")
    @OrderBy("id")
    private List<Patient> replaced = new ArrayList<>();

    protected Patient() {
    }

    public Patient(String mrn, PatientData data) {
        this.mrn = mrn;
        apply(data);
    }

    /**
     * An emergency registration of someone not yet identified. The name is a placeholder that carries the
     * MRN, so two unknown patients in the department are never confused ("UNKNOWN, Male-10000231").
     */
    public static Patient unidentified(String mrn, Sex sex, LocalDate estimatedBirthDate) {
        PatientData data = new PatientData();
        data.setFamilyName("UNKNOWN");
        data.setGivenName(sex.getLabel() + "-" + mrn);
        data.setSex(sex);
        data.setBirthDate(estimatedBirthDate);
        Patient patient = new Patient(mrn, data);
        patient.unidentified = true;
        patient.birthDateEstimated = true;
        return patient;
    }

    /** Copies the editable data onto the patient. */
    public final void apply(PatientData data) {
        familyName = data.getFamilyName().trim();
        givenName = data.getGivenName().trim();
        middleName = blankToNull(data.getMiddleName());
        nameKey = nameKey(givenName, middleName, familyName);
        sex = data.getSex();
        birthDate = data.getBirthDate();
        address = data.getAddress() == null ? new Address() : data.getAddress().copy();
        phone = blankToNull(data.getPhone());
        phoneKey = phoneKey(phone);
        email = blankToNull(data.getEmail());
        nextOfKin = data.getNextOfKin() == null ? new NextOfKin() : data.getNextOfKin().copy();
        identifiers.removeIf(existing -> data.getIdentifiers().stream().noneMatch(e -> same(existing, e)));
        for (IdentifierEntry e : data.getIdentifiers()) {
            if (identifiers.stream().noneMatch(existing -> same(existing, e))) {
                identifiers.add(new PatientIdentifier(this, e.getType(), e.getValue()));
            }
        }
    }

    private static boolean same(PatientIdentifier existing, IdentifierEntry entry) {
        return existing.getType().equals(entry.getType())
                && existing.getValue().equals(IdentifierType.normalize(entry.getValue()));
    }

    /** The searchable form of a name: lower case, no accents, single spaces, padded with spaces. */
    public static String nameKey(String... parts) {
        StringBuilder sb = new StringBuilder(" ");
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                sb.append(normalizeName(part)).append(' ');
            }
        }
        return sb.toString();
    }

    public static String normalizeName(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' -]", "").replaceAll("\\s+", " ").trim();
    }

    /** The digits of a phone number, or null when it has none. */
    public static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() { return id; }
    public String getMrn() { return mrn; }
    public String getFamilyName() { return familyName; }
    public String getGivenName() { return givenName; }
    public String getMiddleName() { return middleName; }
    public Sex getSex() { return sex; }
    public LocalDate getBirthDate() { return birthDate; }
    /** Never null: Hibernate leaves an embedded value null when all its columns are. */
    public Address getAddress() { return address == null ? new Address() : address; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public NextOfKin getNextOfKin() { return nextOfKin == null ? new NextOfKin() : nextOfKin; }
    public List<PatientIdentifier> getIdentifiers() { return identifiers; }
    public boolean isUnidentified() { return unidentified; }
    public Patient getMergedInto() { return mergedInto; }
    public List<Patient> getReplaced() { return replaced; }

    void mergeInto(Patient survivor) {
        this.mergedInto = survivor;
    }

    void unmerge() {
        this.mergedInto = null;
    }
    public boolean isBirthDateEstimated() { return birthDateEstimated; }
    public PatientRestriction getRestriction() { return restriction; }

    /** Restricts the record (or lifts the restriction with null); the caller audits and authorises it. */
    public void restrict(PatientRestriction restriction) {
        this.restriction = restriction;
    }
}
