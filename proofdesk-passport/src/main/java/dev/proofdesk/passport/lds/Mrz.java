package dev.proofdesk.passport.lds;

import dev.proofdesk.passport.Document;
import dev.proofdesk.passport.DocumentType;
import dev.proofdesk.passport.Gender;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Reads DG1 (tag {@code 61}, MRZ under {@code 5F1F}) of TD3 passports and TD1 cards,
 * checking every check digit, so a bit flip in DG1 surfaces as malformed data rather than
 * as a different person.
 */
public final class Mrz {
    private static final int TD3_LENGTH = 88;
    private static final int TD1_LENGTH = 90;

    private Mrz() {
    }

    public static Document parseDg1(byte[] dg1, LocalDate today) {
        return parseText(mrzText(dg1), today);
    }

    /**
     * The date of birth a reader on {@code today} takes from this date's two-digit year: the date
     * itself when it lies within the last hundred years, else a century off (1920 reads as 2020).
     */
    public static LocalDate birthDateAsRead(LocalDate date, LocalDate today) {
        return MrzDates.birth(MrzDates.format(date), today);
    }

    /**
     * The expiry date a reader on {@code today} takes from this date's two-digit year: the date
     * itself from fifty years back to fifty years ahead, else a century off (2080 reads as 1980).
     */
    public static LocalDate expiryDateAsRead(LocalDate date, LocalDate today) {
        return MrzDates.expiry(MrzDates.format(date), today);
    }

    static String mrzText(byte[] dg1) {
        Tlv outer = Tlv.read(dg1, 0);
        if (outer.tag() != 0x61 || outer.end() != dg1.length) {
            throw new MalformedDocumentException("DG1 must be a single tag 61 object");
        }
        Tlv inner = Tlv.read(dg1, outer.valueOffset());
        if (inner.tag() != 0x5F1F || inner.end() != outer.end()) {
            throw new MalformedDocumentException("DG1 must hold exactly one MRZ (tag 5F1F)");
        }
        return new String(dg1, inner.valueOffset(), inner.length(), StandardCharsets.US_ASCII);
    }

    static Document parseText(String mrz, LocalDate today) {
        for (int i = 0; i < mrz.length(); i++) {
            char c = mrz.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '<') {
                throw new MalformedDocumentException("MRZ contains '" + c + "' at " + i);
            }
        }
        return switch (mrz.length()) {
            case TD3_LENGTH -> td3(mrz, today);
            case TD1_LENGTH -> td1(mrz, today);
            default -> throw new MalformedDocumentException(
                    "MRZ of " + mrz.length() + " characters is neither TD3 (88) nor TD1 (90)");
        };
    }

    private static Document td3(String mrz, LocalDate today) {
        String line1 = mrz.substring(0, 44);
        String line2 = mrz.substring(44);
        if (line1.charAt(0) != 'P') {
            throw new MalformedDocumentException("TD3 document code must start with P");
        }
        String number = line2.substring(0, 9);
        requireDigit("document number", number, line2.charAt(9));
        requireDigit("date of birth", line2.substring(13, 19), line2.charAt(19));
        requireDigit("date of expiry", line2.substring(21, 27), line2.charAt(27));
        String personal = line2.substring(28, 42);
        char personalDigit = line2.charAt(42);
        boolean emptyPersonal = personal.chars().allMatch(c -> c == '<') && (personalDigit == '<' || personalDigit == '0');
        if (!emptyPersonal) {
            requireDigit("personal number", personal, personalDigit);
        }
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
        requireDigit("composite", composite, line2.charAt(43));
        Name name = Name.parse(line1.substring(5, 44));
        return new Document(
                DocumentType.PASSPORT,
                country(line1.substring(2, 5)),
                country(line2.substring(10, 13)),
                name.surname(),
                name.givenNames(),
                trimFillers(number),
                MrzDates.birth(line2.substring(13, 19), today),
                MrzDates.expiry(line2.substring(21, 27), today),
                gender(line2.charAt(20)));
    }

    private static Document td1(String mrz, LocalDate today) {
        String line1 = mrz.substring(0, 30);
        String line2 = mrz.substring(30, 60);
        String line3 = mrz.substring(60);
        char code = line1.charAt(0);
        if (code != 'I' && code != 'A' && code != 'C') {
            throw new MalformedDocumentException("TD1 document code must start with I, A or C");
        }
        String number = line1.substring(5, 14);
        if (line1.charAt(14) == '<') {
            // Long document numbers continue in the optional data; their check digit ends that run.
            String optional = line1.substring(15, 30);
            int end = optional.indexOf('<');
            if (end < 1) {
                throw new MalformedDocumentException("TD1 extended document number has no check digit");
            }
            number = number + optional.substring(0, end - 1);
            requireDigit("document number", number, optional.charAt(end - 1));
        } else {
            requireDigit("document number", number, line1.charAt(14));
        }
        requireDigit("date of birth", line2.substring(0, 6), line2.charAt(6));
        requireDigit("date of expiry", line2.substring(8, 14), line2.charAt(14));
        String composite = line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15) + line2.substring(18, 29);
        requireDigit("composite", composite, line2.charAt(29));
        Name name = Name.parse(line3);
        return new Document(
                DocumentType.ID_CARD,
                country(line1.substring(2, 5)),
                country(line2.substring(15, 18)),
                name.surname(),
                name.givenNames(),
                trimFillers(number),
                MrzDates.birth(line2.substring(0, 6), today),
                MrzDates.expiry(line2.substring(8, 14), today),
                gender(line2.charAt(7)));
    }

    private static void requireDigit(String field, String value, char digit) {
        if (!CheckDigits.matches(value, digit)) {
            throw new MalformedDocumentException("check digit of " + field + " does not match");
        }
    }

    private static String country(String code) {
        String trimmed = trimFillers(code);
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(c -> c < 'A' || c > 'Z')) {
            throw new MalformedDocumentException("'" + code + "' is not an ICAO country code");
        }
        return trimmed;
    }

    private static Gender gender(char c) {
        try {
            return Gender.fromMrz(c);
        } catch (IllegalArgumentException e) {
            throw new MalformedDocumentException(e.getMessage(), e);
        }
    }

    static String trimFillers(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '<') {
            end--;
        }
        return s.substring(0, end).replace('<', ' ').trim();
    }

    private record Name(String surname, String givenNames) {
        static Name parse(String field) {
            int split = field.indexOf("<<");
            if (split < 0) {
                return new Name(trimFillers(field), "");
            }
            String surname = trimFillers(field.substring(0, split));
            if (surname.isEmpty()) {
                throw new MalformedDocumentException("MRZ name has no primary identifier");
            }
            return new Name(surname, trimFillers(field.substring(split + 2)).replaceAll(" +", " "));
        }
    }
}
