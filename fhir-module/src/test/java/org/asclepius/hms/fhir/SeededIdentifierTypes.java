package org.asclepius.hms.fhir;

import java.util.List;
import org.asclepius.hms.patient.IdentifierTypeRecord;
import org.asclepius.hms.patient.IdentifierTypes;

/** The identifier types as the V7 migration seeds them, for mapper tests without a database. */
final class SeededIdentifierTypes {
    static final IdentifierTypeRecord NATIONAL_ID = new IdentifierTypeRecord("NATIONAL_ID", "National ID",
            "urn:asclepius:id:national-id", "NI", "[A-Z0-9][A-Z0-9-]{4,19}", "5 to 20 letters, digits or dashes",
            true, 10, 0);
    static final IdentifierTypeRecord PASSPORT = new IdentifierTypeRecord("PASSPORT", "Passport",
            "urn:asclepius:id:passport", "PPN", "[A-Z0-9]{6,12}", "6 to 12 letters or digits", true, 20, 0);
    static final IdentifierTypeRecord INSURANCE_MEMBER_ID = new IdentifierTypeRecord("INSURANCE_MEMBER_ID",
            "Insurance member ID", "urn:asclepius:id:insurance-member", "MB", "[A-Z0-9][A-Z0-9-]{2,29}",
            "3 to 30 letters, digits or dashes", true, 30, 0);
    static final IdentifierTypeRecord DRIVERS_LICENSE = new IdentifierTypeRecord("DRIVERS_LICENSE",
            "Driver's licence", "urn:asclepius:id:drivers-license", "DL", "[A-Z0-9][A-Z0-9-]{3,19}",
            "4 to 20 letters, digits or dashes", true, 40, 0);
    static final IdentifierTypes TYPES = new IdentifierTypes(List.of(NATIONAL_ID, PASSPORT, INSURANCE_MEMBER_ID,
            DRIVERS_LICENSE));

    private SeededIdentifierTypes() {
    }
}
