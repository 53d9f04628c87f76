package dev.proofdesk.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.support.Await;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import dev.proofdesk.server.support.WebhookReceiver;
import dev.proofdesk.server.support.WebhookReceiver.Answer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A hanging endpoint and a failing one beside a healthy one: the healthy one gets everything. */
class EndpointIsolationUnderLoadTest {
    private static final int EVENTS = 60;

    @ParameterizedTest
    @EnumSource(Db.class)
    void aHangingAndAFailingEndpointDoNotHoldBackAHealthyOne(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        try (WebhookReceiver hanging = WebhookReceiver.start().answering(r -> Answer.HANG);
             WebhookReceiver failing = WebhookReceiver.start().answering(r -> Answer.status(500));
             WebhookReceiver healthy = WebhookReceiver.start()) {
            for (WebhookReceiver receiver : List.of(hanging, failing, healthy)) {
                http.post("/v1/webhook_endpoints", account.testKey(), Map.of("url", receiver.url("/h"),
                        "enabledEvents", List.of("session.created")));
            }
            String flowId = Fixtures.publishedFlow(http, account.testKey());
            Set<String> sessions = new HashSet<>();
            for (int i = 0; i < EVENTS; i++) {
                sessions.add(Fixtures.session(http, account.testKey(), flowId));
            }

            var received = healthy.await(r -> true, EVENTS, Duration.ofSeconds(30));
            Set<String> ids = new HashSet<>();
            received.forEach(r -> ids.add(r.header("webhook-id")));
            assertThat(ids).hasSize(EVENTS);
            assertThat(received).allSatisfy(r -> assertThat(sessions).anyMatch(s -> r.body().contains(s)));

            failing.await(r -> true, EVENTS, Duration.ofSeconds(30));
            String failingId = http.get("/v1/webhook_endpoints", account.testKey()).body().path("data").findValues("id")
                    .stream().map(JsonNode::asText).filter(id -> http.get("/v1/webhook_endpoints/" + id,
                            account.testKey()).body().path("url").asText().equals(failing.url("/h")))
                    .findFirst().orElseThrow();
            JsonNode deliveries = Await.until(() -> http.get("/v1/webhook_endpoints/" + failingId
                            + "/deliveries?limit=100", account.testKey()).body(),
                    d -> d.path("data").size() == EVENTS && d.findValues("attempts").stream().allMatch(a -> a.size() >= 1),
                    Duration.ofSeconds(30), "every failing delivery to have its first attempt recorded");
            for (JsonNode delivery : deliveries.path("data")) {
                assertThat(delivery.path("status").asText()).isEqualTo("pending");
                JsonNode last = delivery.path("attempts").get(0);
                assertThat(last.path("statusCode").asInt()).isEqualTo(500);
                assertThat(last.path("nextRetryAt").isNull()).as("a retry is scheduled").isFalse();
            }
            // the hanging endpoint holds at most its own slots: it has not seen every event yet
            assertThat(hanging.received().size()).isLessThan(EVENTS);
            assertThat(http.get("/v1/events?deliveryFailed=true&limit=100", account.testKey())
                    .body().path("data").size()).isEqualTo(EVENTS);
        }
    }
}
