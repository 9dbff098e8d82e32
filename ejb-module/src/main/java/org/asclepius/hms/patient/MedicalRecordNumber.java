package org.asclepius.hms.patient;

/**
 * Medical record numbers: a sequence number followed by a Luhn (mod 10) check digit, so that a mistyped digit
 * or two swapped neighbouring digits are caught before a record is opened.
 */
public final class MedicalRecordNumber {
    /** Sequence numbers start here, so every MRN has at least eight digits. */
    public static final long FIRST = 1_000_000L;

    private MedicalRecordNumber() {
    }

    public static String fromSequence(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        String base = Long.toString(sequence);
        return base + checkDigit(base);
    }

    /** The Luhn check digit for a string of digits. */
    public static int checkDigit(String digits) {
        int sum = 0;
        boolean doubleIt = true; // the rightmost payload digit is doubled when the check digit is appended
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit string");
            }
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when the text is all digits (at least two) and its last digit is the right check digit. */
    public static boolean isValid(String mrn) {
        if (mrn == null || mrn.length() < 2 || !mrn.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return checkDigit(mrn.substring(0, mrn.length() - 1)) == mrn.charAt(mrn.length() - 1) - '0';
    }
}
