package dev.proofdesk.server.http;

import java.util.Optional;

/**
 * Text a store can keep: no NUL character (PostgreSQL refuses it) and no unpaired UTF-16
 * surrogate (no encoding can carry it). Checked wherever text comes in: JSON bodies, query
 * parameters and the dashboard's forms.
 */
public final class Text {
    private Text() {
    }

    /** Why {@code text} cannot be kept, as "contains …", or empty. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of("contains a NUL character (\\u0000), which text cannot hold here");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("contains an unpaired UTF-16 surrogate (\\u%04X) at "
                        + "character %d; send valid Unicode", (int) c, i + 1));
            }
        }
        return Optional.empty();
    }
}
