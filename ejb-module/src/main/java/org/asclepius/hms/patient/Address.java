package org.asclepius.hms.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.asclepius.hms.shared.PlainText;

/** A postal address. */
@Embeddable
public class Address implements Serializable {
    private static final long serialVersionUID = 1L;

    @Size(max = 120) @PlainText
    @Column(name = "address_line1", length = 120)
    private String line1;
    @Size(max = 120) @PlainText
    @Column(name = "address_line2", length = 120)
    private String line2;
    @Size(max = 80) @PlainText
    @Column(name = "address_city", length = 80)
    private String city;
    @Size(max = 80) @PlainText
    @Column(name = "address_state", length = 80)
    private String state;
    @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]*", message = "may contain only letters, digits, spaces and dashes")
    @Column(name = "address_postal_code", length = 20)
    private String postalCode;
    @Size(max = 80) @PlainText
    @Column(name = "address_country", length = 80)
    private String country;

    public Address() {
    }

    public Address(String line1, String line2, String city, String state, String postalCode, String country) {
        this.line1 = line1;
        this.line2 = line2;
        this.city = city;
        this.state = state;
        this.postalCode = postalCode;
        this.country = country;
    }

    public Address copy() {
        return new Address(line1, line2, city, state, postalCode, country);
    }

    public String getLine1() { return line1; }
    public void setLine1(String line1) { this.line1 = line1; }
    public String getLine2() { return line2; }
    public void setLine2(String line2) { this.line2 = line2; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }

    /** One line for lists and banners, empty parts left out. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {line1, line2, city, state, postalCode, country}) {
            if (part != null && !part.isBlank()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(part.trim());
            }
        }
        return sb.toString();
    }
}
