package dev.proofdesk.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.proofdesk.sdk.webhook.WebhookEvent;
import dev.proofdesk.sdk.webhook.Webhooks;
import dev.proofdesk.server.support.Await;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import dev.proofdesk.server.support.WebhookReceiver;
import dev.proofdesk.server.support.WebhookReceiver.Received;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class WebhookDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(Db.class)
    void deliversASignedEventThatTheReferenceLibraryAndTheSdkAccept(Db db) throws Exception {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String secret = http.post("/v1/webhook_endpoints", account.testKey(),
                    Map.of("url", receiver.url("/hooks"))).body().path("secret").asText();
            String flowId = Fixtures.publishedFlow(http, account.testKey());
            String sessionId = Fixtures.session(http, account.testKey(), flowId);

            Received request = receiver.await(r -> r.body().contains(sessionId)
                    && r.body().contains("session.created"), 1, WAIT).getFirst();
            assertThat(request.path()).isEqualTo("/hooks");
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.fieldNames()).toIterable().containsExactly("id", "type", "createdAt", "livemode", "data");
            assertThat(body.path("type").asText()).isEqualTo("session.created");
            assertThat(body.path("livemode").asBoolean()).isFalse();
            assertThat(body.path("data").path("id").asText()).isEqualTo(sessionId);
            assertThat(body.path("data").path("clientSecret").asText(null)).isNull();
            assertThat(request.header("webhook-id")).isEqualTo(body.path("id").asText());

            // the reference implementation takes the key without our environment tag
            Webhook reference = new Webhook(secret.substring("whsec_test_".length()));
            assertThatCode(() -> reference.verify(request.body(), request.headers())).doesNotThrowAnyException();
            WebhookEvent event = Webhooks.constructEvent(request.body(), request.headers(), secret);
            assertThat(event.id()).isEqualTo(body.path("id").asText());

            HttpApi.Response fetched = http.get("/v1/events/" + event.id(), account.testKey());
            assertThat(fetched.status()).isEqualTo(200);
            assertThat(fetched.body().path("type").asText()).isEqualTo("session.created");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void onlySubscribedTypesAreDeliveredAndTheTestEventReachesOnlyItsEndpoint(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String onlyCanceled = http.post("/v1/webhook_endpoints", account.testKey(), Map.of(
                    "url", receiver.url("/canceled"), "enabledEvents", List.of("session.canceled")))
                    .body().path("id").asText();
            http.post("/v1/webhook_endpoints", account.testKey(), Map.of("url", receiver.url("/all")));
            String flowId = Fixtures.publishedFlow(http, account.testKey());
            String sessionId = Fixtures.session(http, account.testKey(), flowId);
            http.post("/v1/sessions/" + sessionId + "/cancel", account.testKey(), null);
            HttpApi.Response test = http.post("/v1/webhook_endpoints/" + onlyCanceled + "/test", account.testKey(), null);
            assertThat(test.status()).as(test.toString()).isEqualTo(202);

            receiver.await(r -> r.path().equals("/all") && r.body().contains("session.canceled"), 1, WAIT);
            receiver.await(r -> r.path().equals("/canceled") && r.body().contains("webhook_endpoint.test"), 1, WAIT);
            List<Received> canceled = receiver.await(r -> r.path().equals("/canceled"), 2, WAIT);
            assertThat(canceled).extracting(r -> r.body().contains("session.created")).containsOnly(false);
            assertThat(receiver.received(r -> r.path().equals("/all") && r.body().contains("webhook_endpoint.test")))
                    .isEmpty();

            HttpApi.Response deliveries = Await.until(() -> http.get("/v1/webhook_endpoints/" + onlyCanceled
                            + "/deliveries", account.testKey()),
                    r -> r.body().path("data").size() == 2 && r.raw().contains("\"succeeded\"")
                            && !r.raw().contains("\"pending\""), WAIT, "two succeeded deliveries");
            JsonNode attempt = deliveries.body().path("data").get(0).path("attempts").get(0);
            assertThat(attempt.path("statusCode").asInt()).isEqualTo(200);
            assertThat(attempt.path("responseExcerpt").asText()).contains("received");
            assertThat(attempt.has("durationMs")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void redeliveryKeepsTheEventIdAndEventsCanBeFiltered(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String endpoint = http.post("/v1/webhook_endpoints", account.testKey(), Map.of("url", receiver.url("/h")))
                    .body().path("id").asText();
            String flowId = Fixtures.publishedFlow(http, account.testKey());
            Fixtures.session(http, account.testKey(), flowId);
            Received first = receiver.await(r -> r.body().contains("session.created"), 1, WAIT).getFirst();
            String eventId = first.header("webhook-id");

            HttpApi.Response again = http.post("/v1/events/" + eventId + "/redeliver", account.testKey(),
                    Map.of("endpointId", endpoint));
            assertThat(again.status()).as(again.toString()).isEqualTo(202);
            List<Received> both = receiver.await(r -> eventId.equals(r.header("webhook-id")), 2, WAIT);
            assertThat(both.get(1).body()).isEqualTo(first.body());

            HttpApi.Response created = http.get("/v1/events?type=session.created", account.testKey());
            assertThat(created.body().path("data")).hasSize(1);
            assertThat(created.body().path("data").get(0).path("id").asText()).isEqualTo(eventId);
            assertThat(http.get("/v1/events?type=flow.published", account.testKey()).body().path("data")).hasSize(1);
            assertThat(http.get("/v1/events?createdAfter=2999-01-01T00:00:00Z", account.testKey())
                    .body().path("data")).isEmpty();
            assertThat(http.get("/v1/events?deliveryFailed=true", account.testKey()).body().path("data")).isEmpty();
            HttpApi.Response bad = http.get("/v1/events?createdAfter=yesterday", account.testKey());
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.message()).contains("ISO-8601");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aRedirectIsAFailureAndIsNotFollowed(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        try (WebhookReceiver target = WebhookReceiver.start();
             WebhookReceiver redirecting = WebhookReceiver.start().answering(r ->
                     new WebhookReceiver.Answer(302, Map.of("Location", target.url("/moved"))))) {
            String endpoint = http.post("/v1/webhook_endpoints", account.testKey(),
                    Map.of("url", redirecting.url("/old"))).body().path("id").asText();
            http.post("/v1/webhook_endpoints/" + endpoint + "/test", account.testKey(), null);
            JsonNode attempt = Await.until(() -> http.get("/v1/webhook_endpoints/" + endpoint + "/deliveries",
                            account.testKey()).body().path("data").path(0).path("attempts").path(0),
                    a -> a.has("statusCode"), WAIT, "the first attempt");
            assertThat(attempt.path("statusCode").asInt()).isEqualTo(302);
            assertThat(attempt.path("error").asText()).contains("redirects are not followed");
            assertThat(attempt.path("nextRetryAt").isNull()).isFalse();
            assertThat(target.received()).isEmpty();
            assertThat(http.get("/v1/events?deliveryFailed=true", account.testKey()).body().path("data")).hasSize(1);
        }
    }
}
