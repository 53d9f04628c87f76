package dev.proofdesk.server.webhook;

import dev.proofdesk.sdk.webhook.Webhooks;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.Postgres;
import dev.proofdesk.server.support.ServerProcess;
import dev.proofdesk.server.support.WebhookReceiver;
import dev.proofdesk.server.support.WebhookReceiver.Answer;
import dev.proofdesk.server.support.WebhookReceiver.Received;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 with deliveries in flight: after a restart every event arrives, under its original id. */
class CrashRecoveryTest {
    private static final int EVENTS = 40;

    @ParameterizedTest
    @EnumSource(Db.class)
    void everyEventIsDeliveredAfterAKillWithItsOriginalWebhookId(Db db) throws Exception {
        Path dataDir = Files.createTempDirectory("proofdesk-crash");
        String databaseUrl = db == Db.POSTGRES ? Postgres.freshDatabase() : null;
        // Leases must outlast the 15 s delivery timeout; PostgreSQL nodes wait for them to end.
        Map<String, String> env = Map.of("PROOFDESK_WEBHOOK_LEASE_SECONDS", "20");
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(r -> slowly())) {
            Set<String> eventIds = new HashSet<>();
            String secret;
            String key;
            try (ServerProcess first = ServerProcess.start(dataDir, databaseUrl, env)) {
                key = first.firstTestKey();
                assertThat(key).as(first.output()).startsWith("sk_test_");
                HttpApi http = new HttpApi(first.baseUrl());
                HttpApi.Response endpoint = http.post("/v1/webhook_endpoints", key, Map.of("url", receiver.url("/h")));
                secret = endpoint.body().path("secret").asText();
                String id = endpoint.body().path("id").asText();
                for (int i = 0; i < EVENTS; i++) {
                    HttpApi.Response sent = http.post("/v1/webhook_endpoints/" + id + "/test", key, null);
                    assertThat(sent.status()).isEqualTo(202);
                    eventIds.add(sent.body().path("id").asText());
                }
                receiver.await(r -> true, 5, Duration.ofSeconds(30));
                first.kill();
            }
            int beforeRestart = receiver.received().size();
            assertThat(beforeRestart).as("deliveries were in flight when the server died").isLessThan(EVENTS);
            receiver.answering(r -> Answer.OK);

            try (ServerProcess second = ServerProcess.start(dataDir, databaseUrl, env)) {
                receiver.await(r -> true, EVENTS, Duration.ofSeconds(90));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!delivered(receiver).containsAll(eventIds) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(delivered(receiver)).as(second.output()).containsAll(eventIds);
            }
            for (Received r : receiver.received()) {
                assertThat(eventIds).contains(r.header("webhook-id"));
                // webhook-id is the event id in the body: a handler can drop the duplicates
                assertThat(Webhooks.constructEvent(r.body(), r.headers(), secret).id()).isEqualTo(r.header("webhook-id"));
            }
        }
    }

    private static Set<String> delivered(WebhookReceiver receiver) {
        return receiver.received().stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
    }

    private static Answer slowly() {
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Answer.OK;
    }
}
