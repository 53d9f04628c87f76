package dev.proofdesk.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.MutableClock;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SessionApiTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void createsAPendingSessionPinnedToThePublishedVersionWithAnEvent(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String flow = Fixtures.publishedFlow(http, account.testKey());
        String external = UUID.randomUUID().toString();

        HttpApi.Response created = http.post("/v1/sessions", account.testKey(), Map.of("flowId", flow,
                "externalUuid", external, "expiresInSeconds", 600, "metadata", Map.of("plan", "gold"),
                "successUrl", "https://example.com/ok"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode s = created.body();
        assertThat(s.path("status").asText()).isEqualTo("pending");
        assertThat(s.path("externalUuid").asText()).isEqualTo(external);
        assertThat(s.path("metadata").path("plan").asText()).isEqualTo("gold");
        assertThat(s.path("cost").asInt()).as("what it would cost in live").isEqualTo(10);
        assertThat(s.path("clientSecret").asText()).startsWith("cs_test_");
        assertThat(s.path("verificationUrl").asText()).startsWith(server.baseUrl() + "/verify/" + s.path("id").asText());
        assertThat(s.path("result").isNull()).isTrue();
        assertThat(Duration.between(Instant.parse(s.path("createdAt").asText()),
                Instant.parse(s.path("expiresAt").asText()))).isEqualTo(Duration.ofSeconds(600));

        var events = server.app().environment(Environment.TEST).events()
                .list(account.id(), "session.created", null, 10);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().data().path("id").asText()).isEqualTo(s.path("id").asText());
        assertThat(events.getFirst().data().has("clientSecret") && !events.getFirst().data().path("clientSecret").isNull())
                .as("events never carry the client secret").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void refusesSessionsOnFlowsThatAreNotPublished(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String draft = http.post("/v1/flows", account.testKey(), Fixtures.flowBody("Draft")).body().path("id").asText();
        HttpApi.Response r = http.post("/v1/sessions", account.testKey(), Map.of("flowId", draft));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.message()).contains("no published version");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void cancelsOnceAndFiltersByStatusAndFlow(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String flowA = Fixtures.publishedFlow(http, account.testKey());
        String flowB = Fixtures.publishedFlow(http, account.testKey());
        String a1 = Fixtures.session(http, account.testKey(), flowA);
        String a2 = Fixtures.session(http, account.testKey(), flowA);
        String b1 = Fixtures.session(http, account.testKey(), flowB);

        HttpApi.Response canceled = http.post("/v1/sessions/" + a1 + "/cancel", account.testKey(), null);
        assertThat(canceled.body().path("status").asText()).isEqualTo("canceled");
        assertThat(canceled.body().path("completedAt").isNull()).isFalse();
        HttpApi.Response twice = http.post("/v1/sessions/" + a1 + "/cancel", account.testKey(), null);
        assertThat(twice.status()).isEqualTo(409);

        assertThat(http.get("/v1/sessions?status=canceled", account.testKey()).body().path("data")
                .findValuesAsText("id")).containsExactly(a1);
        assertThat(http.get("/v1/sessions?status=pending", account.testKey()).body().path("data")
                .findValuesAsText("id")).containsExactly(b1, a2);
        assertThat(http.get("/v1/sessions?flowId=" + flowB, account.testKey()).body().path("data")
                .findValuesAsText("id")).containsExactly(b1);
        assertThat(http.get("/v1/sessions?status=bogus", account.testKey()).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void pendingSessionsExpireOnReadAndInTheSweeperExactlyOnce(Db db) {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(db, clock, Map.of("PROOFDESK_SWEEP_INTERVAL_SECONDS", "3600"))) {
            TestAccount account = server.newAccount();
            HttpApi http = server.http();
            String flow = Fixtures.publishedFlow(http, account.testKey());
            String readMe = http.post("/v1/sessions", account.testKey(), Map.of("flowId", flow, "expiresInSeconds", 60))
                    .body().path("id").asText();
            String sweepMe = http.post("/v1/sessions", account.testKey(), Map.of("flowId", flow, "expiresInSeconds", 60))
                    .body().path("id").asText();
            String later = http.post("/v1/sessions", account.testKey(), Map.of("flowId", flow, "expiresInSeconds", 600))
                    .body().path("id").asText();

            clock.advance(Duration.ofSeconds(61));
            assertThat(http.get("/v1/sessions?status=expired", account.testKey()).body().path("data")
                    .findValuesAsText("id")).as("a list never shows a stale status").containsExactlyInAnyOrder(readMe, sweepMe);
            assertThat(http.get("/v1/sessions/" + readMe, account.testKey()).body().path("status").asText())
                    .isEqualTo("expired");
            SessionService sessions = server.app().environment(Environment.TEST).sessions();
            assertThat(sessions.expireDue(100)).as("the read already expired one").isEqualTo(1);
            assertThat(sessions.expireDue(100)).isZero();
            assertThat(http.get("/v1/sessions/" + later, account.testKey()).body().path("status").asText())
                    .isEqualTo("pending");
            assertThat(http.post("/v1/sessions/" + sweepMe + "/cancel", account.testKey(), null).status()).isEqualTo(409);
            var expiredEvents = server.app().environment(Environment.TEST).events()
                    .list(account.id(), "session.expired", null, 10);
            assertThat(expiredEvents).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void validatesTheRequest(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String flow = Fixtures.publishedFlow(http, account.testKey());
        HttpApi.Response r = http.post("/v1/sessions", account.testKey(), Map.of("flowId", flow,
                "externalUuid", "user-42", "expiresInSeconds", 30, "metadata", Map.of("blob", "x".repeat(5000)),
                "successUrl", "javascript:alert(1)"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").path("details").path("issues").findValuesAsText("path"))
                .containsExactlyInAnyOrder("externalUuid", "expiresInSeconds", "metadata", "successUrl");
        HttpApi.Response missing = http.post("/v1/sessions", account.testKey(), Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("flowId");
    }
}
