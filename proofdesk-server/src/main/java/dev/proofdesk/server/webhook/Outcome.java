package dev.proofdesk.server.webhook;

import java.time.Instant;

/**
 * What one delivery attempt came to, ready to be written back.
 *
 * @param status       the delivery's new status: pending (retry at {@code nextAttemptAt}), succeeded,
 *                     failed (gave up) or canceled (its endpoint went away before the attempt)
 * @param attempt      the attempt's number, 1 for the first; 0 when nothing was sent
 * @param statusCode   the endpoint's HTTP status, null when no response arrived
 * @param holdUntil    after a timeout or a 429: nothing more goes to this endpoint before then
 */
record Outcome(String deliveryId, String leaseToken, String endpointId, String status, int attempt,
               Integer statusCode, long durationMs, String responseExcerpt, String error, Instant nextAttemptAt,
               Instant at, Effect effect, Instant holdUntil) {

    /** What the attempt says about the endpoint as a whole. */
    enum Effect { HEALTHY, FAILING, GONE, NONE }

    static Outcome canceled(Claimed claimed, Instant at) {
        return new Outcome(claimed.id(), claimed.leaseToken(), claimed.endpointId(), "canceled", 0, null, 0, null,
                "the endpoint was disabled or deleted", null, at, Effect.NONE, null);
    }

    boolean attempted() {
        return attempt > 0;
    }
}
