package dev.proofdesk.server.http;

import dev.proofdesk.server.error.ApiException;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key. Each environment gets its own limiter, so test traffic spends test
 * tokens and can never slow live. State is per node: several nodes each allow the configured rate.
 */
public final class RateLimiter {
    private final int perSecond;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perSecond, Clock clock) {
        this.perSecond = perSecond;
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
        if (perSecond <= 0) {
            return;
        }
        long now = clock.millis() * 1_000_000L;
        Bucket bucket = buckets.computeIfAbsent(keyId, k -> new Bucket(perSecond, now));
        synchronized (bucket) {
            double elapsed = Math.max(0, now - bucket.updatedNanos) / 1e9;
            bucket.tokens = Math.min(perSecond, bucket.tokens + elapsed * perSecond);
            bucket.updatedNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            double wait = (1 - bucket.tokens) / perSecond;
            throw ApiException.rateLimited(Math.max(1, (long) Math.ceil(wait)));
        }
    }
}
