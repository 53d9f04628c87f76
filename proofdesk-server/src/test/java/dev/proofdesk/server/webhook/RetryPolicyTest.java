package dev.proofdesk.server.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
    private static final Response FAILED = new Response(500, 3, "", "the endpoint answered 500", Optional.empty(), false);
    private static final Response TIMED_OUT = Response.failure("no response within 15 s", 15_000, true);

    @Test
    void followsTheScheduleWithinTwentyPercentAndGivesUpAfterTheEighthAttempt() {
        RetryPolicy low = new RetryPolicy(() -> 0.0);
        RetryPolicy high = new RetryPolicy(() -> 0.999_999);
        Duration[] expected = {Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)};
        for (int attempt = 1; attempt <= 7; attempt++) {
            Duration base = expected[attempt - 1];
            assertThat(Duration.between(NOW, low.next(attempt, NOW, FAILED).orElseThrow()))
                    .isEqualTo(base.multipliedBy(8).dividedBy(10));
            assertThat(Duration.between(NOW, high.next(attempt, NOW, FAILED).orElseThrow()))
                    .isLessThanOrEqualTo(base.multipliedBy(12).dividedBy(10));
        }
        assertThat(low.next(8, NOW, FAILED)).isEmpty();
    }

    @Test
    void aTimeoutOrA429WaitsAtLeastAMinuteAndRetryAfterOnlyEverDelays() {
        RetryPolicy policy = new RetryPolicy(() -> 0.5);
        assertThat(Duration.between(NOW, policy.next(1, NOW, TIMED_OUT).orElseThrow())).isEqualTo(Duration.ofSeconds(60));
        Response tooMany = new Response(429, 2, "", "the endpoint answered 429", Optional.empty(), false);
        assertThat(Duration.between(NOW, policy.next(1, NOW, tooMany).orElseThrow())).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.holdUntil(NOW, tooMany)).isEqualTo(NOW.plusSeconds(60));

        Response later = new Response(503, 2, "", "", Optional.of(Duration.ofMinutes(20)), false);
        assertThat(Duration.between(NOW, policy.next(1, NOW, later).orElseThrow())).isEqualTo(Duration.ofMinutes(20));
        Response sooner = new Response(503, 2, "", "", Optional.of(Duration.ofSeconds(1)), false);
        assertThat(Duration.between(NOW, policy.next(2, NOW, sooner).orElseThrow())).isEqualTo(Duration.ofMinutes(5));
        Response absurd = new Response(503, 2, "", "", Optional.of(Duration.ofDays(30)), false);
        assertThat(Duration.between(NOW, policy.next(1, NOW, absurd).orElseThrow())).isEqualTo(Duration.ofHours(24));
    }
}
