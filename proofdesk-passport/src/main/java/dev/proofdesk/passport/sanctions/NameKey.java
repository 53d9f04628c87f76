package dev.proofdesk.passport.sanctions;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reduces a name to the form the MRZ would carry, then to an order-free key, so that the
 * list's "Müller-Lüdenscheidt, Hans" and the chip's {@code MUELLER<LUEDENSCHEIDT<<HANS} meet.
 * Surname/given-name order differs between lists and documents, hence the sorted tokens.
 */
final class NameKey {
    private NameKey() {
    }

    /** One key per plausible transliteration (umlauts as {@code A} or {@code AE}); usually one. */
    static Set<String> keys(String name) {
        Set<String> out = new LinkedHashSet<>(2);
        add(out, transliterate(name, false));
        add(out, transliterate(name, true));
        return out;
    }

    /** The key of a name already in MRZ characters, as read from a document. */
    static String key(String mrzName) {
        return sortedTokens(transliterate(mrzName, false));
    }

    private static void add(Set<String> out, String normalised) {
        String key = sortedTokens(normalised);
        if (!key.isEmpty()) {
            out.add(key);
        }
    }

    private static String sortedTokens(String normalised) {
        String[] tokens = normalised.trim().split(" +");
        if (tokens.length == 1 && tokens[0].isEmpty()) {
            return "";
        }
        Arrays.sort(tokens);
        return String.join(" ", tokens);
    }

    static String transliterate(String name, boolean germanUmlauts) {
        String text = germanUmlauts ? name.replace("Ä", "AE").replace("Ö", "OE").replace("Ü", "UE")
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue") : name;
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = Character.toUpperCase(decomposed.charAt(i));
            if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                out.append(c);
            } else if (c == '\'' || c == '’' || c == '`' || Character.getType(c) == Character.NON_SPACING_MARK) {
                // MRZ rules drop apostrophes and accents: O'NEILL becomes ONEILL.
                continue;
            } else {
                out.append(switch (c) {
                    case 'ß' -> "SS";
                    case 'Æ' -> "AE";
                    case 'Œ' -> "OE";
                    case 'Ø' -> "O";
                    case 'Ł' -> "L";
                    case 'Đ', 'Ð' -> "D";
                    case 'Þ' -> "TH";
                    default -> " ";
                });
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** Document numbers: capitals and digits only, so "ab 12-345" equals "AB12345". */
    static String documentNumber(String number) {
        StringBuilder out = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = Character.toUpperCase(number.charAt(i));
            if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
