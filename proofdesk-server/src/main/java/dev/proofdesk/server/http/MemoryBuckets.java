package dev.proofdesk.server.http;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets in this node's memory. Buckets that have refilled are dropped now and then, so keys
 * that come and go (sessions, addresses) do not accumulate.
 */
final class MemoryBuckets implements RateLimiter.Buckets {
    private static final int SWEEP_EVERY = 4096;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    MemoryBuckets(Clock clock) {
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

    @Override
    public OptionalLong take(String key, double perSecond, double burst) {
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
