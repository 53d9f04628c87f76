package dev.proofdesk.server.http;

import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void fiftyParallelCreatesWithOneKeyMakeExactlyOneSession(Db db) throws Exception {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String flow = Fixtures.publishedFlow(http, account.testKey());
        Map<String, String> headers = Map.of("Idempotency-Key", "signup-" + account.id());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpApi.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return http.post("/v1/sessions", account.testKey(), Map.of("flowId", flow), headers);
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<HttpApi.Response> f : futures) {
                HttpApi.Response r = f.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                ids.add(r.body().path("id").asText());
            }
            assertThat(ids).hasSize(1);
        }
        assertThat(http.get("/v1/sessions?limit=100", account.testKey()).body().path("data")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void replaysTheFirstResponseAndRefusesADifferentBody(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        Map<String, String> headers = Map.of("Idempotency-Key", "flow-create-1");
        HttpApi.Response first = http.post("/v1/flows", account.testKey(), Fixtures.flowBody("Once"), headers);
        HttpApi.Response replay = http.post("/v1/flows", account.testKey(), Fixtures.flowBody("Once"), headers);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body().path("id")).isEqualTo(first.body().path("id"));
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");

        HttpApi.Response other = http.post("/v1/flows", account.testKey(), Fixtures.flowBody("Twice"), headers);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.message()).contains("different request");

        // the same key in the other environment is a different key
        HttpApi.Response live = http.post("/v1/flows", account.liveKey(), Fixtures.flowBody("Once"), headers);
        assertThat(live.status()).isEqualTo(201);
        assertThat(live.body().path("id")).isNotEqualTo(first.body().path("id"));
        assertThat(http.get("/v1/flows", account.testKey()).body().path("data")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aRefusedRequestIsReplayedAsTheSameRefusal(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        Map<String, String> headers = Map.of("Idempotency-Key", "bad-1");
        HttpApi.Response first = http.post("/v1/flows", account.testKey(), Map.of("name", "x"), headers);
        assertThat(first.status()).isEqualTo(400);
        HttpApi.Response again = http.post("/v1/flows", account.testKey(), Map.of("name", "x"), headers);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorCode()).isEqualTo("validation_failed");
    }
}
