package dev.proofdesk.server.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.proofdesk.sdk.webhook.WebhookVerificationException;
import dev.proofdesk.sdk.webhook.Webhooks;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.SelfSignedTls;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import dev.proofdesk.server.support.WebhookReceiver;
import dev.proofdesk.server.support.WebhookReceiver.Received;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No event ever crosses environments, and no secret of one verifies the other's events. */
class WebhookIsolationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(Db.class)
    void testEventsReachOnlyTestEndpointsAndLiveEventsOnlyLiveOnes(Db db) throws Exception {
        // The operator lets live endpoints reach this machine and trust its self-signed receiver.
        Map<String, String> env = Map.of("PROOFDESK_WEBHOOK_ALLOWED_CIDRS", "127.0.0.0/8,::1/128",
                "PROOFDESK_WEBHOOK_CA_FILE", SelfSignedTls.get().certificatePem().toString());
        try (TestServer server = TestServer.start(db, Clock.systemUTC(), env);
             WebhookReceiver testReceiver = WebhookReceiver.start();
             WebhookReceiver liveReceiver = WebhookReceiver.startHttps()) {
            TestAccount account = server.newAccount();
            HttpApi http = server.http();
            HttpApi.Response testEndpoint = http.post("/v1/webhook_endpoints", account.testKey(),
                    Map.of("url", testReceiver.url("/test")));
            HttpApi.Response liveEndpoint = http.post("/v1/webhook_endpoints", account.liveKey(),
                    Map.of("url", liveReceiver.localhostUrl("/live")));
            assertThat(liveEndpoint.status()).as(liveEndpoint.toString()).isEqualTo(201);
            String testSecret = testEndpoint.body().path("secret").asText();
            String liveSecret = liveEndpoint.body().path("secret").asText();
            assertThat(liveSecret).startsWith("whsec_live_");

            Fixtures.publishedFlow(http, account.testKey());
            Fixtures.publishedFlow(http, account.liveKey());
            http.post("/v1/webhook_endpoints/" + testEndpoint.body().path("id").asText() + "/test",
                    account.testKey(), null);
            http.post("/v1/webhook_endpoints/" + liveEndpoint.body().path("id").asText() + "/test",
                    account.liveKey(), null);

            List<Received> atTest = testReceiver.await(r -> r.body().contains("webhook_endpoint.test"), 1, WAIT);
            List<Received> atLive = liveReceiver.await(r -> r.body().contains("webhook_endpoint.test"), 1, WAIT);
            testReceiver.await(r -> r.body().contains("flow.published"), 1, WAIT);
            liveReceiver.await(r -> r.body().contains("flow.published"), 1, WAIT);
            for (Received r : testReceiver.received()) {
                assertThat(JSON.readTree(r.body()).path("livemode").asBoolean()).as(r.body()).isFalse();
            }
            for (Received r : liveReceiver.received()) {
                assertThat(JSON.readTree(r.body()).path("livemode").asBoolean()).as(r.body()).isTrue();
            }

            Received testRequest = atTest.getFirst();
            Received liveRequest = atLive.getFirst();
            assertThat(Webhooks.constructEvent(liveRequest.body(), liveRequest.headers(), liveSecret).livemode())
                    .isTrue();
            assertThatThrownBy(() -> Webhooks.constructEvent(liveRequest.body(), liveRequest.headers(), testSecret))
                    .isInstanceOf(WebhookVerificationException.class);
            assertThatThrownBy(() -> Webhooks.constructEvent(testRequest.body(), testRequest.headers(), liveSecret))
                    .isInstanceOf(WebhookVerificationException.class);
            Webhook testKeyOnly = new Webhook(testSecret.substring("whsec_test_".length()));
            assertThatThrownBy(() -> testKeyOnly.verify(liveRequest.body(), liveRequest.headers()))
                    .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);

            // the events API of one environment does not show the other's events
            String liveEventId = liveRequest.header("webhook-id");
            assertThat(http.get("/v1/events/" + liveEventId, account.testKey()).errorCode())
                    .isEqualTo("environment_mismatch");
            assertThat(http.get("/v1/events", account.testKey()).raw()).doesNotContain(liveEventId);
            // and a live endpoint is not a redelivery target for a test event: it is named as living in live
            HttpApi.Response crossRedelivery = http.post("/v1/events/" + testRequest.header("webhook-id")
                    + "/redeliver", account.testKey(), Map.of("endpointId", liveEndpoint.body().path("id").asText()));
            assertThat(crossRedelivery.status()).as(crossRedelivery.toString()).isEqualTo(403);
            assertThat(crossRedelivery.errorCode()).isEqualTo("environment_mismatch");
            assertThat(crossRedelivery.message()).contains("exists in live mode");
        }
    }
}
