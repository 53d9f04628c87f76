package dev.proofdesk.server.http;

import dev.proofdesk.server.apikey.Caller;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.store.UniqueViolationException;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code Idempotency-Key} on POST: the first request with a key claims it (a unique row in the
 * environment's store), runs, and stores its response; repeats replay that response. A repeat
 * with a different body is a 409. Concurrent repeats wait for the first to finish.
 */
public final class Idempotency {
    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration WAIT = Duration.ofSeconds(10);
    /** A claim older than this whose request never finished (a crash) may be taken over. */
    static final Duration ABANDONED = Duration.ofMinutes(1);
    private static final String CLAIM = "proofdesk.idempotency";

    private final Function<Environment, Store> stores;
    private final Clock clock;
    private final IdempotencyRepository keys = new IdempotencyRepository();

    public Idempotency(Function<Environment, Store> stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    private record Claim(Store store, String accountId, String key) {
    }

    /** Before the endpoint: claim the key, or replay (returns true), or refuse. */
    public boolean before(Context ctx, Caller caller) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || !"POST".equals(ctx.method().name())) {
            return false;
        }
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiException.validation("Idempotency-Key", "must be 1 to 255 printable ASCII characters without spaces");
        }
        Store store = stores.apply(caller.environment());
        String hash = Crypto.sha256Hex(ctx.path() + "\n" + new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            if (tryClaim(store, caller.accountId(), key, hash)) {
                ctx.attribute(CLAIM, new Claim(store, caller.accountId(), key));
                return false;
            }
            Optional<IdempotencyRepository.Stored> stored = store.read(h -> keys.find(h, caller.accountId(), key));
            if (stored.isEmpty()) {
                continue; // expired and removed between our insert and read; claim again
            }
            IdempotencyRepository.Stored s = stored.get();
            if (!Crypto.constantTimeEquals(s.hash(), hash)) {
                throw ApiException.conflict("Idempotency-Key '" + key + "' was already used with a different "
                        + "request. Use a new key for a new request.");
            }
            if ("done".equals(s.state())) {
                ctx.status(s.status()).contentType("application/json").result(s.body())
                        .header("Idempotent-Replayed", "true");
                return true;
            }
            if (clock.millis() - s.createdAt() > ABANDONED.toMillis()) {
                release(store, caller.accountId(), key);
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw ApiException.conflict("A request with Idempotency-Key '" + key + "' is still in progress; retry shortly.");
            }
            sleep();
        }
    }

    /** After the endpoint: keep a definitive answer; release the key after a server error so a retry can run. */
    public void after(Context ctx) {
        Claim claim = ctx.attribute(CLAIM);
        if (claim == null) {
            return;
        }
        int status = ctx.statusCode();
        if (status >= 500 || status == 429) {
            release(claim.store(), claim.accountId(), claim.key());
            return;
        }
        String body = ctx.result();
        claim.store().writeVoid(h -> keys.complete(h, claim.accountId(), claim.key(), status, body == null ? "" : body));
    }

    /** Drops keys older than the retention period. */
    public int purge(Store store) {
        long cutoff = clock.millis() - RETENTION.toMillis();
        return store.write(h -> keys.deleteCreatedBefore(h, cutoff));
    }

    private boolean tryClaim(Store store, String accountId, String key, String hash) {
        try {
            long now = clock.millis();
            store.writeVoid(h -> keys.claim(h, accountId, key, hash, now - RETENTION.toMillis(), now));
            return true;
        } catch (UniqueViolationException e) {
            return false;
        }
    }

    private void release(Store store, String accountId, String key) {
        store.writeVoid(h -> keys.delete(h, accountId, key));
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.conflict("interrupted while waiting for a concurrent request with the same Idempotency-Key");
        }
    }
}
