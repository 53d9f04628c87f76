package dev.proofdesk.server.webhook;

import dev.proofdesk.sdk.webhook.Webhooks;

import java.time.Clock;
import java.time.Instant;

/**
 * One delivery attempt: sign the job, send it, and say what follows: done, a retry at a time, given
 * up, or the endpoint gone.
 */
final class Attempts {
    private final Sender sender;
    private final RetryPolicy retry;
    private final Clock clock;

    Attempts(Sender sender, RetryPolicy retry, Clock clock) {
        this.sender = sender;
        this.retry = retry;
        this.clock = clock;
    }

    Outcome attempt(Job job) {
        Claimed row = job.claimed();
        int number = row.attempts() + 1;
        Instant at = now();
        // The URL rules are checked again on the connection itself, on the addresses it uses.
        Response response = sender.post(job.url(), Webhooks.signatureHeaders(row.eventId(), at.getEpochSecond(),
                job.body(), job.keys()), job.body());
        Instant done = now();
        if (response.succeeded()) {
            return outcome(job, number, response, "succeeded", null, done, Outcome.Effect.HEALTHY, null);
        }
        if (response.gone()) {
            return outcome(job, number, response, "failed", null, done, Outcome.Effect.GONE, null);
        }
        Instant next = retry.next(number, done, response).orElse(null);
        Instant hold = retry.holdUntil(done, response);
        return outcome(job, number, response, next == null ? "failed" : "pending", next, done,
                Outcome.Effect.FAILING, hold);
    }

    private static Outcome outcome(Job job, int number, Response r, String status, Instant next, Instant at,
                                   Outcome.Effect effect, Instant hold) {
        Claimed row = job.claimed();
        return new Outcome(row.id(), row.leaseToken(), row.endpointId(), status, number, r.statusCode(),
                r.durationMs(), r.excerpt(), r.error(), next, at, effect, hold);
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
