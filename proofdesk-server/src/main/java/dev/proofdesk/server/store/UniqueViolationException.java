package dev.proofdesk.server.store;

/** A write hit a unique constraint; translated once from the driver's SQL state. */
public final class UniqueViolationException extends RuntimeException {
    public UniqueViolationException(Throwable cause) {
        super("unique constraint violated", cause);
    }
}
