package dev.proofdesk.passport.lds;

import java.text.Normalizer;

/**
 * The one transliteration of free text into MRZ characters (ICAO 9303 part 3 §6): accents dropped,
 * ligatures and letters without a Latin base spelled out, apostrophes removed. Documents write names
 * with it and sanctions screening keys names with it, so both read a name the same way.
 */
public final class MrzText {
    private MrzText() {
    }

    /** Free text as an MRZ field: every run of other characters one filler, none at either end. */
    public static String of(String text) {
        return transliterate(text, "<").replaceAll("<+", "<").replaceAll("^<|<$", "");
    }

    /**
     * Capitals and digits, each other character spelled as 9303 spells it or, when it has no spelling
     * (a space, a hyphen), replaced by {@code separator}.
     */
    public static String transliterate(String text, String separator) {
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
                    case 'ß', 'ẞ' -> "SS";
                    case 'Æ' -> "AE";
                    case 'Œ', 'Ø' -> "OE";
                    case 'Ł' -> "L";
                    case 'Đ', 'Ð' -> "D";
                    case 'Þ' -> "TH";
                    case 'Ħ' -> "H";
                    case 'Ŧ' -> "T";
                    case 'Ŋ' -> "N";
                    case 'Ĳ' -> "IJ";
                    default -> separator;
                });
            }
        }
        return out.toString();
    }
}
