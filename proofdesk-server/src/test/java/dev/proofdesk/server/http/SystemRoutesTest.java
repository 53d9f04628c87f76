package dev.proofdesk.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.support.Await;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SystemRoutesTest {

    @Test
    void healthReadinessAndMetrics() {
        TestServer server = TestServer.shared(Db.SQLITE);
        HttpApi http = server.http();
        assertThat(http.get("/healthz", null).status()).isEqualTo(200);
        assertThat(http.get("/readyz", null).body().path("status").asText()).isEqualTo("ready");
        TestAccount account = server.newAccount();
        Fixtures.publishedFlow(http, account.testKey());
        HttpApi.Response metrics = http.get("/metrics", null);
        assertThat(metrics.raw()).contains("http_server_requests_seconds_count").contains("route=\"/v1/flows\"");
    }

    @Test
    void aRedirectDoesNotClaimAJsonBody() {
        HttpApi.Response redirect = TestServer.shared(Db.SQLITE).http().get("/dashboard", null);
        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.header("Location")).isEqualTo("/dashboard/test");
        assertThat(redirect.raw()).isEmpty();
        assertThat(redirect.headers().firstValue("Content-Type")).as("a 303 has no body, so no body type").isEmpty();
    }

    @Test
    void metricsAnswerOnlyTheOperatorsTokenWhenOneIsSet() {
        String token = "metrics-" + Crypto.randomBase62(24);
        try (TestServer server = TestServer.start(Db.SQLITE, Clock.systemUTC(),
                Map.of("PROOFDESK_METRICS_TOKEN", token))) {
            HttpApi http = server.http();
            for (Map<String, String> headers : List.of(Map.<String, String>of(),
                    Map.of("Authorization", "Bearer " + token.substring(1)),
                    Map.of("Authorization", "Basic " + token))) {
                HttpApi.Response refused = http.send("GET", "/metrics", null, null, headers);
                assertThat(refused.status()).as(headers.toString()).isEqualTo(401);
                assertThat(refused.errorCode()).isEqualTo("unauthenticated");
                assertThat(refused.message()).contains("PROOFDESK_METRICS_TOKEN");
                assertThat(refused.raw()).doesNotContain("http_server_requests");
                assertThat(refused.body().path("error").path("requestId").asText())
                        .isEqualTo(refused.header("X-Request-Id"));
            }
            HttpApi.Response metrics = http.send("GET", "/metrics", null, null,
                    Map.of("Authorization", "Bearer " + token));
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.raw()).contains("http_server_requests_seconds_count");
            assertThat(http.get("/healthz", null).status()).as("health stays open").isEqualTo(200);
        }
    }

    @Test
    void listensOnThisMachineOnlyUnlessTheOperatorBindsMore() throws Exception {
        TestServer byDefault = TestServer.shared(Db.SQLITE);
        assertThat(byDefault.app().config().bind()).isEqualTo("127.0.0.1");
        // 127.0.0.2 is this machine too, but not the address the server bound.
        assertThat(reachable("127.0.0.2", byDefault.app().port())).isFalse();
        assertThat(reachable("127.0.0.1", byDefault.app().port())).isTrue();
        try (TestServer everywhere = TestServer.start(Db.SQLITE, Clock.systemUTC(), Map.of("PROOFDESK_BIND", "0.0.0.0"))) {
            assertThat(reachable("127.0.0.2", everywhere.app().port())).isTrue();
            assertThat(everywhere.baseUrl()).startsWith("http://localhost:");
        }
    }

    private static boolean reachable(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        TestServer server = TestServer.shared(Db.SQLITE);
        JsonNode doc = server.http().get("/v1/openapi.json", null).body();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        List<String> missing = new ArrayList<>();
        for (var endpoint : server.app().endpoints()) {
            String path = endpoint.getKey();
            String method = endpoint.getValue().toLowerCase();
            if (!path.startsWith("/v1/") && !path.startsWith("/healthz") && !path.startsWith("/readyz")
                    && !path.equals("/metrics")) {
                continue;
            }
            if (!doc.path("paths").path(path).has(method)) {
                missing.add(method + " " + path);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(doc.path("paths").path("/v1/flows").path("post").path("responses").has("415")).isTrue();
        assertThat(doc.path("paths").path("/v1/flows/{id}/publish").path("post").path("responses").has("415"))
                .as("no body, no media type to refuse").isFalse();
        assertThat(doc.path("components").path("schemas").path("Error").path("properties").path("error")
                .path("properties").path("code").path("enum").toString())
                .contains("unsupported_media_type", "uri_too_long", "header_fields_too_large", "bad_request");
    }

    @Test
    void aStoppingServerAnswersNotReadyAtOnceSoTheBalancerSendsRequestsElsewhere() throws Exception {
        try (TestServer server = TestServer.start(Db.SQLITE, Clock.systemUTC(),
                Map.of("PROOFDESK_SHUTDOWN_GRACE_SECONDS", "4"))) {
            assertThat(server.http().get("/readyz", null).status()).isEqualTo(200);
            Thread stopping = Thread.ofPlatform().start(server.app()::shutdown);
            HttpApi.Response notReady = Await.until(() -> server.http().get("/readyz", null),
                    r -> r.status() != 200, java.time.Duration.ofSeconds(10), "readyz to turn 503");
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.body().path("status").asText()).isEqualTo("shutting down");
            assertThat(server.http().get("/healthz", null).status()).as("still serving meanwhile").isEqualTo(200);
            stopping.join();
        }
    }

    /** In memory on SQLite; on PostgreSQL in the buckets every node shares. */
    @ParameterizedTest
    @EnumSource(Db.class)
    void rateLimitsAreCountedPerKeyAndSeparatelyForTestAndLive(Db db) {
        try (TestServer server = TestServer.start(db, Clock.systemUTC(),
                Map.of("PROOFDESK_RATE_LIMIT_TEST", "5", "PROOFDESK_RATE_LIMIT_LIVE", "5"))) {
            TestAccount account = server.newAccount();
            HttpApi http = server.http();
            HttpApi.Response limited = null;
            for (int i = 0; i < 20 && limited == null; i++) {
                HttpApi.Response r = http.get("/v1/flows", account.testKey());
                if (r.status() == 429) {
                    limited = r;
                }
            }
            assertThat(limited).isNotNull();
            assertThat(limited.errorCode()).isEqualTo("rate_limited");
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
            assertThat(http.get("/v1/flows", account.liveKey()).status())
                    .as("test traffic does not spend live's allowance").isEqualTo(200);
        }
    }
}
