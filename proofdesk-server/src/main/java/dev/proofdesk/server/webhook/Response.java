package dev.proofdesk.server.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * What an endpoint answered (or why it did not).
 *
 * @param statusCode null when no response arrived (refused, timed out, connection failed)
 * @param timedOut   no response within the timeout
 */
record Response(Integer statusCode, long durationMs, String excerpt, String error, Optional<Duration> retryAfter,
                boolean timedOut) {

    static Response failure(String error, long durationMs, boolean timedOut) {
        return new Response(null, durationMs, null, error, Optional.empty(), timedOut);
    }

    boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    boolean gone() {
        return statusCode != null && statusCode == 410;
    }

    /** A timeout or a 429: the endpoint is overwhelmed and gets at least a minute's rest. */
    boolean backOff() {
        return timedOut || (statusCode != null && statusCode == 429);
    }
}
