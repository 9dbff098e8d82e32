package org.asclepius.hms.patient.matching;

import java.time.LocalDate;

/**
 * The identifying data of one patient record as the matcher sees it. Every field may be null or blank: the
 * matcher treats such a field as missing (weight 0), never as a disagreement.
 *
 * @param familyName  family (last) name as registered
 * @param givenName   given (first) name
 * @param middleName  middle name(s)
 * @param maidenName  birth family name of a person who took another name (e.g. at marriage)
 * @param sex         {@code FEMALE}, {@code MALE}, {@code OTHER} or {@code UNKNOWN} (also F/M); UNKNOWN counts as missing
 * @param birthDate   date of birth
 * @param phone       any phone number; only its digits are compared
 * @param addressLine street line(s) of the home address
 * @param city        city of the home address
 * @param postalCode  postal code of the home address
 * @param nationalId  national identifier (e.g. SSN); spaces and dashes are ignored
 */
public record MatchCandidateData(String familyName, String givenName, String middleName, String maidenName,
        String sex, LocalDate birthDate, String phone, String addressLine, String city, String postalCode,
        String nationalId) {

    /** A record with every field missing. */
    public static MatchCandidateData empty() {
        return new MatchCandidateData(null, null, null, null, null, null, null, null, null, null, null);
    }
}
