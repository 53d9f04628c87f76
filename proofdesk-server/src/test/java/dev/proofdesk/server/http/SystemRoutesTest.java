package dev.proofdesk.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.api.Test;

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
    }

    @Test
    void rateLimitsAreCountedPerKeyAndSeparatelyForTestAndLive() {
        try (TestServer server = TestServer.start(Db.SQLITE, Clock.systemUTC(),
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
