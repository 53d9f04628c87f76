package dev.proofdesk.server.http;

import dev.proofdesk.server.error.ApiException;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per key (an API key, a session, a client address). Each environment gets its own
 * API-key limiter, so test traffic spends test tokens and can never slow live. State is per node:
 * several nodes each allow the configured rate. Buckets that have refilled are dropped now and
 * then, so keys that come and go (sessions, addresses) do not accumulate.
 */
public final class RateLimiter {
    private static final int SWEEP_EVERY = 4096;
    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public RateLimiter(int perSecond, Clock clock) {
        this(perSecond, perSecond, clock);
    }

    /** {@code perSecond} on average, up to {@code burst} at once; 0 per second disables the limit. */
    public RateLimiter(double perSecond, double burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.clock = clock;
    }

    private static final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }
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
        long now = clock.millis() * 1_000_000L;
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            long full = (long) (burst / perSecond * 1e9);
            buckets.values().removeIf(b -> now - b.updatedNanos > full);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            double elapsed = Math.max(0, now - bucket.updatedNanos) / 1e9;
            bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perSecond);
            bucket.updatedNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return OptionalLong.empty();
            }
            double wait = (1 - bucket.tokens) / perSecond;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(wait)));
        }
    }
}
