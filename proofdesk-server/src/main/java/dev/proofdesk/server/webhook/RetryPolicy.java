package dev.proofdesk.server.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try again: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h later, each
 * with ±20 % jitter so that endpoints recovering from an outage are not hit in lock-step. A
 * {@code Retry-After} pushes the retry later, never earlier; a timeout or a 429 waits at least 60 s.
 */
final class RetryPolicy {
    static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));
    static final int MAX_ATTEMPTS = DELAYS.size() + 1;
    static final Duration BACK_OFF_MINIMUM = Duration.ofSeconds(60);
    static final Duration RETRY_AFTER_CAP = Duration.ofHours(24);

    private final DoubleSupplier random;

    /** {@code random} yields values in [0, 1); tests pass a fixed one. */
    RetryPolicy(DoubleSupplier random) {
        this.random = random;
    }

    /** The time of the next attempt after failed attempt number {@code attempt}, or empty to give up. */
    Optional<Instant> next(int attempt, Instant now, Response response) {
        if (attempt >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        Duration base = DELAYS.get(attempt - 1);
        long jittered = Math.round(base.toMillis() * (0.8 + 0.4 * random.getAsDouble()));
        Duration delay = Duration.ofMillis(jittered);
        if (response.backOff() && delay.compareTo(BACK_OFF_MINIMUM) < 0) {
            delay = BACK_OFF_MINIMUM;
        }
        Optional<Duration> retryAfter = response.retryAfter().map(d -> d.compareTo(RETRY_AFTER_CAP) > 0
                ? RETRY_AFTER_CAP : d);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            delay = retryAfter.get();
        }
        return Optional.of(now.plus(delay));
    }

    /** After a timeout or a 429 the whole endpoint rests: a minute, or longer if it asked for longer. */
    Instant holdUntil(Instant now, Response response) {
        if (!response.backOff()) {
            return null;
        }
        Duration rest = response.retryAfter().map(d -> d.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : d)
                .filter(d -> d.compareTo(BACK_OFF_MINIMUM) > 0).orElse(BACK_OFF_MINIMUM);
        return now.plus(rest);
    }
}
