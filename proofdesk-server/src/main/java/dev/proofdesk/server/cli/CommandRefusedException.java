package dev.proofdesk.server.cli;

/** A command could not do its work for a reason the operator can fix: printed as is, exit code 1. */
final class CommandRefusedException extends RuntimeException {
    CommandRefusedException(String message) {
        super(message);
    }
}
