package dev.proofdesk.server.relay;

import dev.proofdesk.passport.chip.ChipReadException;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a relay ended without a verdict, as the {@code code} of its final {@code error} frame. None of
 * these consumes the session: it stays {@code pending}, so the holder can try again.
 */
public enum RelayError {
    /** Another relay holds the session. */
    RELAY_BUSY,
    /** The session has ended (or is being verified): it takes no more reads. */
    SESSION_NOT_PENDING,
    /** A frame broke the protocol: not JSON, an unknown type or field, a wrong id, bad hex, too large. */
    INVALID_MESSAGE,
    /** The access frame did not hold a usable key (document number, dates as YYMMDD, or a six-digit CAN). */
    INVALID_ACCESS_KEY,
    /** The reader did not answer in time. */
    APDU_TIMEOUT,
    /** The whole relay took longer than its limit. */
    READ_TIMEOUT,
    /** The chip refused the access key: wrong document number, dates or CAN. */
    ACCESS_DENIED,
    /** The chip needs an access protocol the key given cannot open (e.g. a PACE-only card and no key for it). */
    ACCESS_UNSUPPORTED,
    /** The card is not an ICAO 9303 travel document. */
    NOT_A_TRAVEL_DOCUMENT,
    /** The chip answered something the terminal could not use, or the link to it broke. */
    CHIP_ERROR,
    /** Something failed on the server's side. */
    INTERNAL_ERROR,
    /** The reader's connection closed or broke. Only logged: nobody is left to hear it. */
    DISCONNECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The error an error frame's {@code code} names; empty for a code that is not the relay's. */
    public static Optional<RelayError> fromCode(String code) {
        for (RelayError e : values()) {
            if (e.code().equals(code)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static RelayError of(ChipReadException.Reason reason) {
        return switch (reason) {
            case ACCESS_DENIED -> ACCESS_DENIED;
            case ACCESS_UNSUPPORTED -> ACCESS_UNSUPPORTED;
            case NOT_A_TRAVEL_DOCUMENT -> NOT_A_TRAVEL_DOCUMENT;
            case PROTOCOL, LINK -> CHIP_ERROR;
        };
    }
}
