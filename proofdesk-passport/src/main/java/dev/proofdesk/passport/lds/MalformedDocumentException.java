package dev.proofdesk.passport.lds;

/** Chip data that cannot be read as the ICAO 9303 structure it claims to be. */
public final class MalformedDocumentException extends RuntimeException {
    public MalformedDocumentException(String message) {
        super(message);
    }

    public MalformedDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
