package dev.proofdesk.passport.chip;

/** The link to the chip failed: the relay went silent or away, or answered something that is no APDU. */
public final class ChipIoException extends RuntimeException {
    public ChipIoException(String message) {
        super(message);
    }

    public ChipIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
