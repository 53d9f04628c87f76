package dev.proofdesk.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.support.Await;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.MutableClock;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import dev.proofdesk.server.support.WebhookReceiver;
import dev.proofdesk.server.support.WebhookReceiver.Answer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry schedule on a clock the test moves: no waiting for real minutes and hours. */
class WebhookRetryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(Db.class)
    void retriesOnScheduleHonoursRetryAfterAndA410DisablesTheEndpoint(Db db) {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(db, clock, Map.of());
             WebhookReceiver receiver = WebhookReceiver.start().answering(r -> Answer.status(500))) {
            TestAccount account = server.newAccount();
            HttpApi http = server.http();
            String endpoint = http.post("/v1/webhook_endpoints", account.testKey(),
                    Map.of("url", receiver.url("/h"))).body().path("id").asText();
            http.post("/v1/webhook_endpoints/" + endpoint + "/test", account.testKey(), null);

            JsonNode first = attemptNumber(http, account, endpoint, 1);
            assertThat(first.path("statusCode").asInt()).isEqualTo(500);
            assertDelay(first, Duration.ofSeconds(5));

            clock.advance(Duration.ofSeconds(7));
            assertDelay(attemptNumber(http, account, endpoint, 2), Duration.ofMinutes(5));

            receiver.answering(r -> new Answer(429, Map.of("Retry-After", "7200")));
            clock.advance(Duration.ofMinutes(7));
            JsonNode third = attemptNumber(http, account, endpoint, 3);
            assertThat(third.path("statusCode").asInt()).isEqualTo(429);
            assertThat(Duration.between(Instant.parse(third.path("createdAt").asText()),
                    Instant.parse(third.path("nextRetryAt").asText()))).as("Retry-After beats 30 min ± 20 %%")
                    .isEqualTo(Duration.ofHours(2));

            receiver.answering(r -> Answer.status(410));
            clock.advance(Duration.ofHours(2).plusSeconds(1));
            JsonNode fourth = attemptNumber(http, account, endpoint, 4);
            assertThat(fourth.path("nextRetryAt").isNull()).isTrue();
            JsonNode disabled = http.get("/v1/webhook_endpoints/" + endpoint, account.testKey()).body();
            assertThat(disabled.path("status").asText()).isEqualTo("disabled");
            assertThat(disabled.path("disabledReason").asText()).contains("410");
            assertThat(http.get("/v1/events?type=webhook_endpoint.disabled", account.testKey())
                    .body().path("data")).hasSize(1);
            assertThat(receiver.received()).hasSize(4);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anEndpointFailingForFiveDaysIsDisabledWithAnEvent(Db db) {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(db, clock, Map.of());
             WebhookReceiver failing = WebhookReceiver.start().answering(r -> Answer.status(503));
             WebhookReceiver watcher = WebhookReceiver.start()) {
            TestAccount account = server.newAccount();
            HttpApi http = server.http();
            String endpoint = http.post("/v1/webhook_endpoints", account.testKey(),
                    Map.of("url", failing.url("/h"))).body().path("id").asText();
            http.post("/v1/webhook_endpoints", account.testKey(), Map.of("url", watcher.url("/w"),
                    "enabledEvents", List.of("webhook_endpoint.disabled")));
            http.post("/v1/webhook_endpoints/" + endpoint + "/test", account.testKey(), null);
            attemptNumber(http, account, endpoint, 1);

            clock.advance(Duration.ofDays(4));
            http.post("/v1/webhook_endpoints/" + endpoint + "/test", account.testKey(), null);
            Await.until(() -> http.get("/v1/webhook_endpoints/" + endpoint + "/deliveries", account.testKey()),
                    r -> r.body().path("data").path(0).path("attempts").size() == 1, WAIT, "the second event's attempt");
            assertThat(http.get("/v1/webhook_endpoints/" + endpoint, account.testKey()).body()
                    .path("status").asText()).as("four days are not five").isEqualTo("enabled");

            clock.advance(Duration.ofDays(1).plusMinutes(1));
            http.post("/v1/webhook_endpoints/" + endpoint + "/test", account.testKey(), null);
            var notice = watcher.await(r -> r.body().contains("webhook_endpoint.disabled"), 1, WAIT).getFirst();
            assertThat(notice.body()).contains(endpoint).contains("5 days");
            assertThat(http.get("/v1/webhook_endpoints/" + endpoint, account.testKey()).body()
                    .path("status").asText()).isEqualTo("disabled");
        }
    }

    private static JsonNode attemptNumber(HttpApi http, TestAccount account, String endpoint, int n) {
        HttpApi.Response response = Await.until(() -> http.get("/v1/webhook_endpoints/" + endpoint + "/deliveries",
                        account.testKey()),
                r -> r.body().path("data").path(0).path("attempts").size() >= n, WAIT, "attempt " + n);
        JsonNode attempts = response.body().path("data").get(0).path("attempts");
        return attempts.get(attempts.size() - n);
    }

    private static void assertDelay(JsonNode attempt, Duration base) {
        Duration delay = Duration.between(Instant.parse(attempt.path("createdAt").asText()),
                Instant.parse(attempt.path("nextRetryAt").asText()));
        assertThat(delay).as("retry delay").isBetween(base.multipliedBy(8).dividedBy(10),
                base.multipliedBy(12).dividedBy(10));
    }
}
