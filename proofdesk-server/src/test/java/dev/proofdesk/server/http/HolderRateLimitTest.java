package dev.proofdesk.server.http;

import dev.proofdesk.server.support.DashboardClient;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.MutableClock;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holder endpoints need only a client secret, and a challenge is a write: each session and each
 * client address gets a bucket of requests (a burst of 20 times the rate, with the clock held still
 * here so the count is exact), and a 429 says when to come back.
 */
class HolderRateLimitTest {
    private static final int BURST = 20;

    @Test
    void oneSessionCannotFloodTheChallengeEndpoint() {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(Db.SQLITE, clock, Map.of("PROOFDESK_RATE_LIMIT_HOLDER", "1"))) {
            HttpApi http = server.http();
            TestAccount account = server.newAccount();
            String flow = Fixtures.publishedFlow(http, account.testKey());
            Session flooded = session(http, account, flow);
            for (int i = 0; i < BURST; i++) {
                assertThat(challenge(http, flooded).status()).as("request " + (i + 1)).isEqualTo(200);
            }
            HttpApi.Response limited = challenge(http, flooded);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.errorCode()).isEqualTo("rate_limited");
            assertThat(limited.message()).contains("for this verification");
            assertThat(limited.header("Retry-After")).isEqualTo("1");
            assertThat(limited.body().path("error").path("requestId").asText()).isEqualTo(limited.header("X-Request-Id"));
            HttpApi.Response submission = http.send("POST", "/v1/sessions/" + flooded.id() + "/submission",
                    flooded.secret(), Map.of("dg1", "AA=="), Map.of());
            assertThat(submission.status()).as("submissions spend the same bucket").isEqualTo(429);
            var relay = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + flooded.secret())
                    .buildAsync(URI.create(server.baseUrl().replaceFirst("^http", "ws") + "/v1/sessions/"
                            + flooded.id() + "/chip"), new WebSocket.Listener() { });
            Assertions.assertThatThrownBy(relay::join).as("so does opening a chip relay")
                    .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                            e -> assertThat(e.getResponse().statusCode()).isEqualTo(429));

            Session other = session(http, account, flow);
            assertThat(challenge(http, other).status()).as("another session has its own bucket").isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
            assertThat(challenge(http, flooded).status()).as("a second later, one more").isEqualTo(200);
            assertThat(challenge(http, flooded).status()).isEqualTo(429);
        }
    }

    @Test
    void oneAddressCannotFloodWithManySessionsAndThePageSaysSoInHtml() {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(Db.SQLITE, clock, Map.of("PROOFDESK_RATE_LIMIT_HOLDER_ADDRESS", "1"))) {
            HttpApi http = server.http();
            TestAccount account = server.newAccount();
            String flow = Fixtures.publishedFlow(http, account.testKey());
            for (int i = 0; i < BURST; i++) {
                assertThat(challenge(http, session(http, account, flow)).status()).isEqualTo(200);
            }
            Session fresh = session(http, account, flow);
            HttpApi.Response limited = challenge(http, fresh);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.message()).contains("from this address");

            DashboardClient.Page page = new DashboardClient(server.baseUrl())
                    .get("/verify/" + fresh.id() + "?token=" + fresh.secret());
            assertThat(page.status()).isEqualTo(429);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("Too many requests for this verification just now");
            clock.advance(Duration.ofSeconds(1));
            assertThat(new DashboardClient(server.baseUrl()).get("/verify/" + fresh.id() + "?token=" + fresh.secret())
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void holderEndpointsTakeNoQueryParameters() {
        TestServer server = TestServer.shared(Db.SQLITE);
        HttpApi http = server.http();
        TestAccount account = server.newAccount();
        Session s = session(http, account, Fixtures.publishedFlow(http, account.testKey()));
        HttpApi.Response r = http.send("GET", "/v1/sessions/" + s.id() + "/challenge?token=" + s.secret(),
                s.secret(), null, Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).startsWith("token: is not a query parameter of this endpoint");
    }

    record Session(String id, String secret) {
    }

    private static Session session(HttpApi http, TestAccount account, String flow) {
        HttpApi.Response created = http.post("/v1/sessions", account.testKey(), Map.of("flowId", flow));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Session(created.body().path("id").asText(), created.body().path("clientSecret").asText());
    }

    private static HttpApi.Response challenge(HttpApi http, Session s) {
        return http.send("GET", "/v1/sessions/" + s.id() + "/challenge", s.secret(), null, Map.of());
    }
}
