package dev.proofdesk.server.session;

import java.util.Objects;

/**
 * The outcome of one submission as a session records it: the final status ({@code valid},
 * {@code invalid} or {@code error}) and the result shown to the integrator (only disclosed
 * attributes, and the document's nullifier when the document could be read).
 */
public record Verdict(SessionStatus status, SessionResult result) {
    public Verdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
        if (status != SessionStatus.VALID && status != SessionStatus.INVALID && status != SessionStatus.ERROR) {
            throw new IllegalArgumentException("a verdict is valid, invalid or error, not " + status);
        }
    }

    public String nullifier() {
        return result.nullifier();
    }
}
