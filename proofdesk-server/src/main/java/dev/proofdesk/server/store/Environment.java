package dev.proofdesk.server.store;

import java.util.Locale;
import java.util.Optional;

/** The two isolated worlds. Decided by the API key, never by a request parameter. */
public enum Environment {
    TEST, LIVE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean livemode() {
        return this == LIVE;
    }

    public Environment other() {
        return this == TEST ? LIVE : TEST;
    }

    public static Optional<Environment> parse(String value) {
        for (Environment e : values()) {
            if (e.id().equalsIgnoreCase(value)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
