package dev.proofdesk.server;

import dev.proofdesk.server.apikey.ApiKey;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Await;
import dev.proofdesk.server.support.Cluster;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes on one PostgreSQL database, started together: what a client sees must not depend on
 * which node answers. (Node deaths and restarts are in {@link ClusterProcessTest}, with child JVMs.)
 */
class ClusterTest {
    private static final int TEST_RATE = 10;
    private static Cluster cluster;
    private static List<HttpApi> nodes;

    @BeforeAll
    static void startNodesTogether() throws Exception {
        cluster = Cluster.start(3, Map.of("PROOFDESK_RATE_LIMIT_TEST", Integer.toString(TEST_RATE),
                "PROOFDESK_DATABASE_POOL_SIZE", "3"));
        nodes = cluster.http();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void nodesStartingTogetherMigrateEachSchemaOnce() throws Exception {
        try (Connection c = DriverManager.getConnection(cluster.databaseUrl())) {
            for (String schema : List.of("control", "test", "live")) {
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT version) FROM "
                        + schema + ".flyway_schema_history WHERE version IS NOT NULL");
                rs.next();
                assertThat(rs.getInt(1)).as(schema).isPositive().isEqualTo(rs.getInt(2));
            }
        }
        for (HttpApi node : nodes) {
            assertThat(node.get("/readyz", null).status()).isEqualTo(200);
        }
    }

    @Test
    void fiftyParallelCreationsWithOneIdempotencyKeyOverTheNodesMakeOneSession() throws Exception {
        TestAccount account = cluster.newAccount(1_000);
        String flow = Fixtures.publishedFlow(nodes.get(0), account.liveKey());
        List<HttpApi.Response> responses = parallel(50, i -> nodes.get(i % nodes.size()).post("/v1/sessions",
                account.liveKey(), Map.of("flowId", flow), Map.of("Idempotency-Key", "one-order-42")));
        Set<String> ids = new HashSet<>();
        for (HttpApi.Response r : responses) {
            if (r.status() == 409) {
                assertThat(r.message()).as(r.toString()).contains("still in progress");
            } else {
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                ids.add(r.body().path("id").asText());
            }
        }
        assertThat(ids).hasSize(1);
        for (HttpApi node : nodes) {
            assertThat(node.get("/v1/sessions", account.liveKey()).body().path("data")).hasSize(1);
            assertThat(node.get("/v1/balance", account.liveKey()).body().path("credits").asLong()).isEqualTo(990);
        }
    }

    @Test
    void concurrentLiveCreationsOverTheNodesNeverOverspendTheBalance() throws Exception {
        long credits = 95;
        long cost = 10; // age_verification
        TestAccount account = cluster.newAccount(credits);
        String flow = Fixtures.publishedFlow(nodes.get(0), account.liveKey());
        List<HttpApi.Response> responses = parallel(64, i -> nodes.get(i % nodes.size()).post("/v1/sessions",
                account.liveKey(), Map.of("flowId", flow)));
        long created = responses.stream().filter(r -> r.status() == 201).count();
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(201, 402));
        assertThat(created).isEqualTo(credits / cost);
        for (HttpApi node : nodes) {
            assertThat(node.get("/v1/balance", account.liveKey()).body().path("credits").asLong())
                    .isEqualTo(credits - created * cost);
        }
    }

    /**
     * Sixteen clients hammer one test key through all three nodes: the key gets its burst plus the
     * rate for the time they ran, once for the cluster (per-node buckets would allow three times that).
     */
    @Test
    void aKeysRateLimitHoldsForTheClusterNotPerNode() throws Exception {
        TestAccount account = cluster.newAccount(0);
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long started = System.nanoTime();
        long until = started + 5_000_000_000L;
        AtomicInteger turn = new AtomicInteger();
        parallel(16, i -> {
            while (System.nanoTime() < until) {
                HttpApi.Response r = nodes.get(turn.incrementAndGet() % nodes.size()).get("/v1/flows", account.testKey());
                if (r.status() == 200) {
                    allowed.incrementAndGet();
                } else {
                    assertThat(r.status()).as(r.toString()).isEqualTo(429);
                    assertThat(r.header("Retry-After")).isNotNull();
                    refused.incrementAndGet();
                }
            }
            return null;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        double expected = TEST_RATE + TEST_RATE * seconds;
        assertThat(refused.get()).as("the clients asked for more than the limit").isGreaterThan(allowed.get());
        assertThat((double) allowed.get()).isBetween(expected * 0.9, expected * 1.1);
    }

    /** Every node has the key in memory when the command line revokes it; each must refuse it within a second. */
    @Test
    void aKeyRevokedFromTheCommandLineIsRefusedByEveryNodeWithinASecond() throws Exception {
        TestAccount account = cluster.newAccount(0);
        for (HttpApi node : nodes) {
            assertThat(node.get("/v1/flows", account.liveKey()).status()).isEqualTo(200);
        }
        try (Application cli = cluster.command()) {
            ApiKey key = cli.apiKeys().list(account.id(), Environment.LIVE).getFirst();
            cli.apiKeys().revoke(account.id(), key.id(), "operator");
        }
        for (HttpApi node : nodes) {
            HttpApi.Response refused = Await.until(() -> node.get("/v1/flows", account.liveKey()),
                    r -> r.status() != 200, Duration.ofSeconds(1), "the revoked key to be refused");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.message()).contains("revoked");
        }
    }

    /** Node 2 screens with the list it has in memory; a flag set through node 0 must reach it at once. */
    @Test
    void aTestIdentityFlaggedThroughOneNodeIsScreenedByAnother() {
        TestAccount account = cluster.newAccount(0);
        String key = account.testKey();
        String flow = Fixtures.publishedFlow(nodes.get(0), key);
        String clean = Fixtures.mockPassport(nodes.get(0), key, Map.of("age", 30)).path("id").asText();
        var first = Fixtures.complete(nodes.get(2), key, Fixtures.session(nodes.get(2), key, flow), clean);
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("valid");

        String flagged = Fixtures.mockPassport(nodes.get(0), key, Map.of("age", 30, "ofac", "flagged"))
                .path("id").asText();
        var second = Fixtures.complete(nodes.get(2), key, Fixtures.session(nodes.get(2), key, flow), flagged);
        assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("invalid");
        assertThat(second.path("result").path("checks").toString()).contains("ofac_match");
    }

    private interface Call<T> {
        T run(int i) throws Exception;
    }

    private static <T> List<T> parallel(int count, Call<T> call) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit((Callable<T>) () -> call.run(n)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
