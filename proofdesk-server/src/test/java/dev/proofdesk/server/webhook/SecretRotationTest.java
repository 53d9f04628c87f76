package dev.proofdesk.server.webhook;

import com.standardwebhooks.Webhook;
import dev.proofdesk.sdk.webhook.WebhookVerificationException;
import dev.proofdesk.sdk.webhook.Webhooks;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.MutableClock;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import dev.proofdesk.server.support.WebhookReceiver;
import dev.proofdesk.server.support.WebhookReceiver.Received;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretRotationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(Db.class)
    void bothSecretsSignDuringTheOverlapAndOnlyTheNewOneAfterIt(Db db) {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(db, clock, Map.of());
             WebhookReceiver receiver = WebhookReceiver.start()) {
            TestAccount account = server.newAccount();
            HttpApi http = server.http();
            HttpApi.Response created = http.post("/v1/webhook_endpoints", account.testKey(),
                    Map.of("url", receiver.url("/h")));
            String id = created.body().path("id").asText();
            String oldSecret = created.body().path("secret").asText();

            HttpApi.Response rotated = http.post("/v1/webhook_endpoints/" + id + "/rotate_secret", account.testKey(),
                    Map.of("overlapSeconds", 120));
            assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
            String newSecret = rotated.body().path("secret").asText();
            assertThat(newSecret).startsWith("whsec_test_").isNotEqualTo(oldSecret);
            assertThat(rotated.body().path("previousSecretExpiresAt").asText()).isNotEmpty();

            Received during = sendTest(http, account, id, receiver, 1);
            assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
            Webhooks.constructEvent(during.body(), during.headers(), oldSecret, clock);
            Webhooks.constructEvent(during.body(), during.headers(), newSecret, clock);
            assertThatCode(() -> new Webhook(oldSecret.substring(11)).verify(during.body(), during.headers()))
                    .doesNotThrowAnyException();
            assertThatCode(() -> new Webhook(newSecret.substring(11)).verify(during.body(), during.headers()))
                    .doesNotThrowAnyException();

            clock.advance(Duration.ofSeconds(121));
            Received after = sendTest(http, account, id, receiver, 2);
            assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
            Webhooks.constructEvent(after.body(), after.headers(), newSecret, clock);
            assertThatThrownBy(() -> Webhooks.constructEvent(after.body(), after.headers(), oldSecret, clock))
                    .isInstanceOf(WebhookVerificationException.class);

            HttpApi.Response immediate = http.post("/v1/webhook_endpoints/" + id + "/rotate_secret",
                    account.testKey(), Map.of("overlapSeconds", 0));
            String newest = immediate.body().path("secret").asText();
            Received now = sendTest(http, account, id, receiver, 3);
            Webhooks.constructEvent(now.body(), now.headers(), newest, clock);
            assertThatThrownBy(() -> Webhooks.constructEvent(now.body(), now.headers(), newSecret, clock))
                    .isInstanceOf(WebhookVerificationException.class);
        }
    }

    private static Received sendTest(HttpApi http, TestAccount account, String id, WebhookReceiver receiver, int n) {
        assertThat(http.post("/v1/webhook_endpoints/" + id + "/test", account.testKey(), null).status()).isEqualTo(202);
        return receiver.await(r -> true, n, WAIT).get(n - 1);
    }
}
