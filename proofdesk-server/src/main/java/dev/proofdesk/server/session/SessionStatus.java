package dev.proofdesk.server.session;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

public enum SessionStatus {
    PENDING, PROCESSING, VALID, INVALID, ERROR, EXPIRED, CANCELED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this != PENDING && this != PROCESSING;
    }

    /** Ended without a verdict on the document: the session's cost goes back. */
    public boolean refundable() {
        return this == ERROR || this == EXPIRED || this == CANCELED;
    }

    public static Optional<SessionStatus> parse(String value) {
        for (SessionStatus s : values()) {
            if (s.id().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
