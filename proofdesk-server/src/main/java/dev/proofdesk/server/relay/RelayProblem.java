package dev.proofdesk.server.relay;

import java.util.Objects;

/**
 * A relay's end without a verdict: the error frame's code, a message the holder can act on, and the
 * read step it happened in ({@code access_control}, {@code reading}, {@code chip_authentication},
 * {@code active_authentication}), or null when no read had begun.
 */
record RelayProblem(RelayError error, String message, String step) {
    RelayProblem {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(message, "message");
    }

    RelayProblem(RelayError error, String message) {
        this(error, message, null);
    }

    /** This problem in the given step, unless it already names one. */
    RelayProblem during(String readStep) {
        return step != null || readStep == null ? this : new RelayProblem(error, message, readStep);
    }
}
