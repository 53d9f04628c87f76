package dev.proofdesk.server.relay;

import java.util.Objects;

/** A relay's end without a verdict: the error frame's code and a message the holder can act on. */
record RelayProblem(RelayError error, String message) {
    RelayProblem {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(message, "message");
    }
}
