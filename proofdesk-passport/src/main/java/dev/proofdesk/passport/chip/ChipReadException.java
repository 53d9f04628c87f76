package dev.proofdesk.passport.chip;

import java.util.Locale;
import java.util.Objects;

/** A read that could not finish, with a code a relay client can show to the holder. */
public final class ChipReadException extends RuntimeException {

    public enum Reason {
        /** The chip refused the access key: wrong document number, dates or CAN. */
        ACCESS_DENIED,
        /** The chip requires an access protocol the terminal was not given a key for (e.g. PACE with CAN only). */
        ACCESS_UNSUPPORTED,
        /** The card is not an ICAO 9303 travel document (no eMRTD application). */
        NOT_A_TRAVEL_DOCUMENT,
        /** The chip answered with a status word or data that breaks the protocol. */
        PROTOCOL,
        /** The link to the chip failed (see {@link ChipIoException}). */
        LINK;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public ChipReadException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ChipReadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
