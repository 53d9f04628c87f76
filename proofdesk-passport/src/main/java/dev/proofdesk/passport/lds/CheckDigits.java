package dev.proofdesk.passport.lds;

/** ICAO 9303 part 3 §4.9 check digits: weights 7, 3, 1 over digit/letter values, modulo 10. */
public final class CheckDigits {
    private static final int[] WEIGHTS = {7, 3, 1};

    private CheckDigits() {
    }

    public static char of(CharSequence field) {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            sum += value(field.charAt(i)) * WEIGHTS[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    static boolean matches(CharSequence field, char checkDigit) {
        return of(field) == checkDigit;
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new MalformedDocumentException("character '" + c + "' is not allowed in an MRZ");
    }
}
