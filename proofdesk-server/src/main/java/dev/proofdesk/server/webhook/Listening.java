package dev.proofdesk.server.webhook;

import dev.proofdesk.sdk.webhook.WebhookSecret;
import dev.proofdesk.server.event.Event;
import dev.proofdesk.server.event.EventSink;
import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.security.MasterKey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Serves {@code proofdesk listen}: long polls for an account's new test events, and a signing
 * secret that stays the same for the account across runs (derived, never stored), so a local
 * handler can keep one {@code PROOFDESK_WEBHOOK_SECRET}.
 */
public final class Listening {
    static final Duration OVERLAP = Duration.ofSeconds(2);
    private final byte[] secretKey;
    private final Object signal = new Object();
    private final Clock clock;

    public Listening(MasterKey masterKey, Clock clock) {
        this.secretKey = masterKey.derive("webhook-listen-secret");
        this.clock = clock;
    }

    /** Wakes waiting polls once the appending transaction commits. */
    public EventSink sink() {
        return (h, event) -> h.afterCommit(this::eventsCommitted);
    }

    long now() {
        return clock.millis();
    }

    /** The listen secret of an account (test environment only). */
    public String secret(String accountId) {
        return new WebhookSecret(false, Crypto.hmacSha256(secretKey, accountId.getBytes(StandardCharsets.UTF_8)))
                .text();
    }

    /** Called after any event commits, so waiting polls look again at once. */
    void eventsCommitted() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /**
     * Waits up to {@code wait} for events newer than {@code cursorMillis}; returns them together with
     * those of the last two seconds before it (a client drops ids it has seen).
     */
    public List<Event> poll(EventService events, String accountId, long cursorMillis, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<Event> found = events.recent(accountId, cursorMillis - OVERLAP.toMillis(), 500);
            boolean fresh = found.stream().anyMatch(e -> e.createdAt().toEpochMilli() > cursorMillis);
            long left = deadline - System.nanoTime();
            if (fresh || left <= 0) {
                return found;
            }
            synchronized (signal) {
                signal.wait(Math.max(1, Math.min(250, left / 1_000_000)));
            }
        }
    }
}
