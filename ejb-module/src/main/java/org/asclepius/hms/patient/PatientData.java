package org.asclepius.hms.patient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.asclepius.hms.shared.PlainText;

/**
 * What a clerk or an integration sends to register or update a patient. Validated on the server whatever
 * the screen or API checked before.
 */
public class PatientData implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String PHONE_PATTERN = "^$|^\\+?[0-9][0-9 ()-]{5,23}$";
    public static final String PHONE_MESSAGE = "must be a phone number: digits, spaces, dashes, brackets, optional +";

    @NotBlank(message = "enter the family name")
    @Size(max = 100) @PlainText
    private String familyName;
    @NotBlank(message = "enter the given name")
    @Size(max = 100) @PlainText
    private String givenName;
    @Size(max = 100) @PlainText
    private String middleName;
    @NotNull(message = "choose the sex")
    private Sex sex;
    @NotNull(message = "enter the date of birth")
    @Past(message = "must be in the past")
    private LocalDate birthDate;
    @Valid
    private Address address = new Address();
    @Size(max = 25) @Pattern(regexp = PHONE_PATTERN, message = PHONE_MESSAGE)
    private String phone;
    @Size(max = 120) @Email(message = "must be an e-mail address")
    private String email;
    @Valid
    private NextOfKin nextOfKin = new NextOfKin();
    @Valid
    @Size(max = 10, message = "at most 10 identifiers")
    private List<IdentifierEntry> identifiers = new ArrayList<>();

    public String getFamilyName() { return familyName; }
    public void setFamilyName(String familyName) { this.familyName = familyName; }
    public String getGivenName() { return givenName; }
    public void setGivenName(String givenName) { this.givenName = givenName; }
    public String getMiddleName() { return middleName; }
    public void setMiddleName(String middleName) { this.middleName = middleName; }
    public Sex getSex() { return sex; }
    public void setSex(Sex sex) { this.sex = sex; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public Address getAddress() { return address; }
    public void setAddress(Address address) { this.address = address; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public NextOfKin getNextOfKin() { return nextOfKin; }
    public void setNextOfKin(NextOfKin nextOfKin) { this.nextOfKin = nextOfKin; }
    public List<IdentifierEntry> getIdentifiers() { return identifiers; }
    public void setIdentifiers(List<IdentifierEntry> identifiers) { this.identifiers = identifiers; }
}
