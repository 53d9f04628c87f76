package dev.proofdesk.server.cli;

import dev.proofdesk.passport.chip.AccessKey;
import dev.proofdesk.passport.lds.CheckDigits;

import java.util.Arrays;
import java.util.List;

/**
 * The chip access key in a document's machine-readable zone as the holder reads it off the page:
 * two lines of 44 (passports), two of 36 or three of 30 characters (identity cards). The check
 * digits are verified so a typing mistake is caught here, not as a refused chip.
 */
final class MrzAccessKey {
    private MrzAccessKey() {
    }

    static AccessKey.Mrz parse(String text) {
        List<String> lines = Arrays.stream(text.trim().toUpperCase().split("[\\s,;]+")).filter(l -> !l.isEmpty()).toList();
        String number;
        char numberCheck;
        String birth;
        char birthCheck;
        String expiry;
        char expiryCheck;
        if (lines.size() == 2 && lines.get(1).length() == lines.get(0).length()
                && (lines.get(0).length() == 44 || lines.get(0).length() == 36)) {
            String second = lines.get(1);
            number = second.substring(0, 9);
            numberCheck = second.charAt(9);
            birth = second.substring(13, 19);
            birthCheck = second.charAt(19);
            expiry = second.substring(21, 27);
            expiryCheck = second.charAt(27);
        } else if (lines.size() == 3 && lines.stream().allMatch(l -> l.length() == 30)) {
            number = lines.get(0).substring(5, 14);
            numberCheck = lines.get(0).charAt(14);
            birth = lines.get(1).substring(0, 6);
            birthCheck = lines.get(1).charAt(6);
            expiry = lines.get(1).substring(8, 14);
            expiryCheck = lines.get(1).charAt(14);
            if (numberCheck == '<') {
                throw new CommandRefusedException("--mrz: this card's document number continues in the optional data; "
                        + "give it with --document-number, --birth and --expiry instead");
            }
        } else {
            throw new CommandRefusedException("--mrz: expected the machine-readable zone as two lines of 44 characters "
                    + "(passport), two of 36 or three of 30 (identity card), separated by spaces or new lines");
        }
        check("document number", number, numberCheck);
        check("date of birth", birth, birthCheck);
        check("date of expiry", expiry, expiryCheck);
        return new AccessKey.Mrz(number.replaceAll("<+$", ""), birth, expiry);
    }

    private static void check(String field, String value, char digit) {
        if (!value.matches("[A-Z0-9<]+") || CheckDigits.of(value) != digit) {
            throw new CommandRefusedException("--mrz: the check digit of the " + field + " (" + value + ") does not match; "
                    + "is a character mistyped?");
        }
    }
}
