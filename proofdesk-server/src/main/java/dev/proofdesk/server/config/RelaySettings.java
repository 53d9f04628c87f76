package dev.proofdesk.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the chip relay waits on the holder's device.
 *
 * @param apduTimeout how long one APDU may take to come back through the relay
 *                    ({@code PROOFDESK_RELAY_APDU_TIMEOUT_MILLIS}); also the wait for the first frame
 * @param readTimeout how long a whole relay may last, from connection to verdict
 *                    ({@code PROOFDESK_RELAY_READ_TIMEOUT_SECONDS})
 */
public record RelaySettings(Duration apduTimeout, Duration readTimeout) {
    public RelaySettings {
        Objects.requireNonNull(apduTimeout, "apduTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (apduTimeout.isNegative() || apduTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("relay timeouts must be positive");
        }
    }
}
