package dev.proofdesk.passport.lds;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Transliterates free text into MRZ characters (ICAO 9303 part 3 §6): accents dropped,
 * a few ligatures spelled out, apostrophes removed, every other separator a filler.
 */
public final class MrzText {
    private MrzText() {
    }

    public static String of(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = Character.toUpperCase(decomposed.charAt(i));
            if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                out.append(c);
            } else if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\'' || c == '’') {
                continue;
            } else {
                String spelled = switch (c) {
                    case 'ß' -> "SS";
                    case 'Æ' -> "AE";
                    case 'Œ' -> "OE";
                    case 'Ø' -> "O";
                    case 'Ł' -> "L";
                    case 'Đ', 'Ð' -> "D";
                    case 'Þ' -> "TH";
                    default -> "<";
                };
                out.append(spelled);
            }
        }
        return out.toString().replaceAll("<+", "<").replaceAll("^<|<$", "").toUpperCase(Locale.ROOT);
    }
}
