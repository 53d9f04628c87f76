package dev.proofdesk.sdk;

import com.sun.net.httpserver.HttpServer;
import dev.proofdesk.sdk.exception.InvalidRequestException;
import dev.proofdesk.sdk.exception.RateLimitException;
import dev.proofdesk.sdk.exception.ServerErrorException;
import dev.proofdesk.sdk.session.Session;
import dev.proofdesk.sdk.session.SessionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a newer server may send that this client has never seen. The real server is exercised by
 * the server module's SDK tests; this stand-in answers canned bodies the real one cannot produce yet.
 */
class ForwardCompatibilityTest {
    // well-formed, never issued by a server: these tests never reach one
    static final String KEY = "sk_test_" + "A".repeat(32) + ApiKeys.checksum("sk_test_" + "A".repeat(32));

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int status;
    private volatile String body;
    private volatile String retryAfter;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Request-Id", "req_header");
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Proofdesk client(int retries) {
        return Proofdesk.builder().apiKey(KEY).maxNetworkRetries(retries)
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/").build();
    }

    @Test
    void ignoresUnknownFieldsAndReadsUnknownStatusesAsUnknown() {
        status = 200;
        body = """
                {"id": "0192e4a0-0000-7000-8000-000000000001", "object": "session", "status": "under_review",
                 "flowId": "f", "cost": 10, "livemode": false, "createdAt": "2025-01-01T00:00:00Z",
                 "newTopLevelField": {"nested": [1, 2]},
                 "result": {"checks": [{"name": "age", "passed": false, "code": "age_below_minimum", "hint": "x"}],
                            "attributes": {"nationality": "FRA"}, "nullifier": "n1", "warnings": ["no_crl"],
                            "score": 0.3}}""";
        try (Proofdesk client = client(0)) {
            Session session = client.sessions().retrieve("0192e4a0-0000-7000-8000-000000000001");
            assertThat(session.status()).isEqualTo(SessionStatus.UNKNOWN);
            assertThat(session.result().failures()).extracting(c -> c.code()).containsExactly("age_below_minimum");
            assertThat(session.result().attribute("nationality")).contains("FRA");
            assertThat(session.result().nullifier()).isEqualTo("n1");
            assertThat(session.result().warnings()).containsExactly("no_crl");
            assertThat(session.metadata()).isEmpty();
        }
    }

    @Test
    void readsSkippedChecksAndResultsOfServersThatDidNotSayWhetherACheckRan() {
        status = 200;
        body = """
                {"id": "0192e4a0-0000-7000-8000-000000000001", "object": "session", "status": "valid",
                 "flowId": "f", "cost": 10, "livemode": true, "createdAt": "2025-01-01T00:00:00Z",
                 "result": {"checks": [{"name": "issuer_chain", "passed": true, "code": null},
                                       {"name": "document_signer_revocation", "passed": true, "code": null,
                                        "skipped": true}]}}""";
        try (Proofdesk client = client(0)) {
            var result = client.sessions().retrieve("0192e4a0-0000-7000-8000-000000000001").result();
            assertThat(result.failures()).isEmpty();
            assertThat(result.skipped()).extracting(c -> c.name()).containsExactly("document_signer_revocation");
            assertThat(result.checks().getFirst().skipped()).isFalse();
        }
    }

    @Test
    void readsTheRequestIdFromTheHeaderWhenTheBodyIsNotAnErrorEnvelope() {
        status = 502;
        body = "<html>Bad gateway</html>";
        try (Proofdesk client = client(0)) {
            assertThatThrownBy(() -> client.flows().list())
                    .isInstanceOfSatisfying(ServerErrorException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(502);
                        assertThat(e.requestId()).isEqualTo("req_header");
                        assertThat(e.getMessage()).contains("without a Proofdesk error body");
                    });
        }
    }

    @Test
    void retriesServerErrorsAndShortRateLimitsOnlyWhenAsked() {
        status = 429;
        retryAfter = "0";
        body = """
                {"error": {"code": "rate_limited", "message": "slow down", "requestId": "req_1"}}""";
        try (Proofdesk client = client(0)) {
            assertThatThrownBy(() -> client.flows().list()).isInstanceOfSatisfying(RateLimitException.class,
                    e -> assertThat(e.retryAfter()).isEqualTo(Duration.ZERO));
        }
        assertThat(calls.get()).isEqualTo(1);
        try (Proofdesk client = client(2)) {
            assertThatThrownBy(() -> client.flows().list()).isInstanceOf(RateLimitException.class);
        }
        assertThat(calls.get()).isEqualTo(1 + 3);
    }

    @Test
    void keepsValidationIssues() {
        status = 400;
        body = """
                {"error": {"code": "validation_failed", "message": "2 problems", "requestId": "req_2",
                 "details": {"issues": [{"path": "name", "message": "is required"},
                                        {"path": "rules.minimumAge", "message": "must be from 0 to 120"}]}}}""";
        try (Proofdesk client = client(0)) {
            assertThatThrownBy(() -> client.flows().create(dev.proofdesk.sdk.flow.FlowParams.builder().build()))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.requestId()).isEqualTo("req_2");
                        assertThat(e.issues()).extracting(InvalidRequestException.Issue::path)
                                .containsExactly("name", "rules.minimumAge");
                    });
        }
    }

    @Test
    void refusesAnUnusableBaseUrlAtBuildTime() {
        assertThatThrownBy(() -> Proofdesk.builder().apiKey(KEY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl is required");
        assertThatThrownBy(() -> Proofdesk.builder().apiKey(KEY).baseUrl("localhost:8080").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http(s) URL");
    }
}
