package dev.proofdesk.server.http;

import dev.proofdesk.server.error.ApiException;

import java.time.Clock;
import java.util.OptionalLong;

/**
 * A token bucket per key (an API key, a session, a client address). Each environment gets its own
 * API-key limiter, so test traffic spends test tokens and can never slow live. Where the buckets
 * live decides what the limit covers: {@link Buckets#inMemory} counts for this node only (one
 * server on SQLite), {@link SharedBuckets} for every node of a cluster on one PostgreSQL.
 */
public final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final Buckets buckets;

    /** Where the buckets are kept. */
    public interface Buckets {
        /** Takes one token from {@code key}'s bucket; when none is left, the whole seconds until one is. */
        OptionalLong take(String key, double perSecond, double burst);

        /** Buckets in this node's memory. */
        static Buckets inMemory(Clock clock) {
            return new MemoryBuckets(clock);
        }
    }

    public RateLimiter(int perSecond, Clock clock) {
        this(perSecond, perSecond, clock);
    }

    /** {@code perSecond} on average, up to {@code burst} at once; 0 per second disables the limit. */
    public RateLimiter(double perSecond, double burst, Clock clock) {
        this(perSecond, burst, Buckets.inMemory(clock));
    }

    /** As above, with the buckets kept in {@code buckets}. */
    public RateLimiter(double perSecond, double burst, Buckets buckets) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.buckets = buckets;
    }

    /** Takes one token for {@code keyId} or refuses with {@code 429} and a Retry-After. */
    public void acquire(String keyId) {
        OptionalLong wait = tryAcquire(keyId);
        if (wait.isPresent()) {
            throw ApiException.rateLimited(wait.getAsLong());
        }
    }

    /** Takes one token for {@code key}; when none is left, the whole seconds until one is. */
    public OptionalLong tryAcquire(String key) {
        if (perSecond <= 0) {
            return OptionalLong.empty();
        }
        return buckets.take(key, perSecond, burst);
    }
}
