package dev.proofdesk.passport.sanctions;

import dev.proofdesk.passport.lds.MrzText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reduces a name to MRZ characters ({@link MrzText}) and then to a folded form in which every
 * spelling ICAO 9303 allows for one name meets: the list's "Müller" and the chip's {@code MUELLER} or
 * {@code MULLER}, the list's "Mueller" and the chip's {@code MULLER}. Folding applies the
 * transliterations of 9303 part 3 in both directions: Ä is AE or A, Ö and Ø are OE or O, Ü is UE
 * or U, Å is AA or A, so AE, OE, UE and AA collapse to their first letter on both sides. Two
 * different names can fold alike (RAFAEL, RAFAL), which screening accepts: a match also needs the
 * same birth date or year.
 */
final class NameKey {
    private NameKey() {
    }

    /** Folded tokens of a name as listed (free text, any script ICAO transliterates) or as read from an MRZ. */
    static List<String> tokens(String name) {
        String[] raw = MrzText.transliterate(name == null ? "" : name, " ").trim().split(" +");
        List<String> out = new ArrayList<>(raw.length);
        for (String token : raw) {
            if (!token.isEmpty()) {
                out.add(fold(token));
            }
        }
        return out;
    }

    /** Order-free key of all tokens: lists and documents disagree on which part comes first. */
    static String fullKey(List<String> tokens) {
        String[] sorted = tokens.toArray(String[]::new);
        Arrays.sort(sorted);
        return String.join(" ", sorted);
    }

    /** Key of a surname: its tokens in order. */
    static String surnameKey(List<String> tokens) {
        return String.join(" ", tokens);
    }

    static Set<String> givenNames(List<String> tokens) {
        return Set.copyOf(tokens);
    }

    /** AE, OE, UE and AA become A, O, U and A, left to right. */
    static String fold(String token) {
        StringBuilder out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            out.append(c);
            if (i + 1 < token.length()) {
                char next = token.charAt(i + 1);
                if (next == 'E' && (c == 'A' || c == 'O' || c == 'U') || next == 'A' && c == 'A') {
                    i++;
                }
            }
        }
        return out.toString();
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
