package dev.proofdesk.server.webhook;

import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.MutableClock;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventRetentionTest {

    @Test
    void eventsAreKeptThirtyDays() {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(Db.SQLITE, clock, Map.of())) {
            TestAccount account = server.newAccount();
            HttpApi http = server.http();
            String endpoint = http.post("/v1/webhook_endpoints", account.testKey(),
                    Map.of("url", "http://127.0.0.1:9/never")).body().path("id").asText();
            String old = http.post("/v1/webhook_endpoints/" + endpoint + "/test", account.testKey(), null)
                    .body().path("id").asText();
            clock.advance(Duration.ofDays(29));
            String recent = http.post("/v1/webhook_endpoints/" + endpoint + "/test", account.testKey(), null)
                    .body().path("id").asText();
            var webhooks = server.app().environment(Environment.TEST).webhooks();
            assertThat(webhooks.purgeExpired()).isZero();

            clock.advance(Duration.ofDays(1).plusMinutes(1));
            assertThat(webhooks.purgeExpired()).isEqualTo(1);
            assertThat(http.get("/v1/events/" + old, account.testKey()).status()).isEqualTo(404);
            assertThat(http.get("/v1/events/" + recent, account.testKey()).status()).isEqualTo(200);
            assertThat(http.get("/v1/webhook_endpoints/" + endpoint + "/deliveries", account.testKey())
                    .body().path("data")).hasSize(1);
        }
    }
}
