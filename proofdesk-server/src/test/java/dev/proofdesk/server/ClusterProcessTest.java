package dev.proofdesk.server;

import dev.proofdesk.sdk.webhook.Webhooks;
import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.store.AdvisoryLocks;
import dev.proofdesk.server.support.Await;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.MasterKeys;
import dev.proofdesk.server.support.Postgres;
import dev.proofdesk.server.support.ServerProcess;
import dev.proofdesk.server.support.WebhookReceiver;
import dev.proofdesk.server.support.WebhookReceiver.Answer;
import dev.proofdesk.server.support.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.assertj.core.api.Assertions.assertThat;

/** Nodes as child JVMs on one PostgreSQL database, killed with SIGKILL or stopped with SIGTERM. */
class ClusterProcessTest {

    /**
     * Node B runs two hours ahead, so by its clock the session is overdue at once: while A holds the
     * sweep lock B must leave it alone, and once A is killed B must take the lock and expire it.
     */
    @Test
    void whenTheSweepersHolderIsKilledAnotherNodeTakesOverAtItsNextInterval() throws Exception {
        Path dataDir = Files.createTempDirectory("proofdesk-cluster");
        String url = Postgres.freshDatabase();
        Map<String, String> env = Map.of("PROOFDESK_SWEEP_INTERVAL_SECONDS", "1", "PROOFDESK_DATABASE_POOL_SIZE", "3");
        try (ServerProcess a = ServerProcess.start(dataDir, url, env)) {
            String key = a.firstTestKey();
            Await.until(() -> lockHolders(url, "sweep"), n -> n == 1, Duration.ofSeconds(30), "node A to take the sweep lock");
            try (Application b = inProcessNode(dataDir, url, env, Clock.offset(Clock.systemUTC(), Duration.ofHours(2)))) {
                HttpApi viaA = new HttpApi(a.baseUrl());
                String session = Fixtures.session(viaA, key, Fixtures.publishedFlow(viaA, key));
                Thread.sleep(3_000); // three of B's intervals, in which it must not sweep
                assertThat(status(url, session)).as("B swept while A held the lock").isEqualTo("pending");
                a.kill();
                Await.until(() -> status(url, session), "expired"::equals, Duration.ofSeconds(30),
                        "node B to take over the sweep and expire the session");
                assertThat(lockHolders(url, "sweep")).isEqualTo(1);
            }
        }
    }

    /**
     * Events go out through two nodes, which share the endpoint's concurrency limit; one (a child JVM)
     * is killed with deliveries in flight. Every event still arrives under its original webhook-id, and the only
     * duplicates are the killed node's in-flight ones.
     */
    @Test
    void webhooksSurviveANodeKilledMidDelivery() throws Exception {
        Path dataDir = Files.createTempDirectory("proofdesk-cluster");
        String url = Postgres.freshDatabase();
        int perEndpoint = 4;
        Map<String, String> env = Map.of("PROOFDESK_WEBHOOK_LEASE_SECONDS", "20",
                "PROOFDESK_WEBHOOK_ENDPOINT_CONCURRENCY", Integer.toString(perEndpoint),
                "PROOFDESK_SWEEP_INTERVAL_SECONDS", "1", "PROOFDESK_DATABASE_POOL_SIZE", "3");
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(r -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return slowly();
            } finally {
                inFlight.decrementAndGet();
            }
        });
             ServerProcess a = ServerProcess.start(dataDir, url, env);
             Application b = inProcessNode(dataDir, url, env, Clock.systemUTC())) {
            String key = a.firstTestKey();
            Await.until(() -> lockHolders(url, "nodes"), n -> n == 2, Duration.ofSeconds(30), "both nodes counted");
            Thread.sleep(1_500); // one interval, in which each node learns it has a partner
            List<HttpApi> nodes = List.of(new HttpApi(a.baseUrl()), new HttpApi(b.baseUrl()));
            HttpApi.Response endpoint = nodes.get(0).post("/v1/webhook_endpoints", key,
                    Map.of("url", receiver.url("/h")));
            String secret = endpoint.body().path("secret").asText();
            String endpointId = endpoint.body().path("id").asText();
            Set<String> eventIds = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                HttpApi.Response sent = nodes.get(i % 2).post("/v1/webhook_endpoints/" + endpointId + "/test", key, null);
                assertThat(sent.status()).isEqualTo(202);
                eventIds.add(sent.body().path("id").asText());
            }
            receiver.await(r -> true, 6, Duration.ofSeconds(30));
            a.kill();
            receiver.answering(r -> Answer.OK);
            Await.until(receiver::webhookIds, d -> d.containsAll(eventIds), Duration.ofSeconds(90),
                    "every event delivered after node A was killed");
            List<Received> all = receiver.received();
            for (Received r : all) {
                assertThat(eventIds).contains(r.header("webhook-id"));
                assertThat(Webhooks.constructEvent(r.body(), r.headers(), secret).id()).isEqualTo(r.header("webhook-id"));
            }
            // The killed node's share in flight (2), plus any whose outcome it had not yet written.
            assertThat(all.size() - eventIds.size()).as("duplicates").isLessThanOrEqualTo(perEndpoint);
            assertThat(mostInFlight.get()).as("deliveries in flight to the endpoint at once, over both nodes")
                    .isLessThanOrEqualTo(perEndpoint);
        }
    }

    /**
     * Two clients create sessions (each with its Idempotency-Key, retrying on another node when a
     * node is unreachable or not ready) while each node in turn gets SIGTERM and a successor. No
     * request fails in a way a client could not retry, and every session.created event arrives.
     */
    @Test
    void aRollingRestartUnderLoadFailsNoRequestAndLosesNoEvent() throws Exception {
        Path dataDir = Files.createTempDirectory("proofdesk-cluster");
        String url = Postgres.freshDatabase();
        Map<String, String> env = Map.of("PROOFDESK_SHUTDOWN_GRACE_SECONDS", "10", "PROOFDESK_DATABASE_POOL_SIZE", "3");
        List<ServerProcess> processes = new CopyOnWriteArrayList<>();
        List<Application> successors = new CopyOnWriteArrayList<>();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            processes.add(ServerProcess.start(dataDir, url, env));
            processes.add(ServerProcess.start(dataDir, url, env));
            String key = processes.get(0).firstTestKey();
            HttpApi first = new HttpApi(processes.get(0).baseUrl());
            assertThat(first.post("/v1/webhook_endpoints", key, Map.of("url", receiver.url("/h"))).status())
                    .isEqualTo(201);
            String flow = Fixtures.publishedFlow(first, key);
            AtomicReferenceArray<String> urls = new AtomicReferenceArray<>(new String[] {
                    processes.get(0).baseUrl(), processes.get(1).baseUrl()});
            Set<String> sessions = ConcurrentHashMap.newKeySet();
            AtomicInteger requests = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                int client = c;
                clients.add(Thread.ofPlatform().start(() -> {
                    for (int n = 0; running.get(); n++) {
                        createRetrying(urls, key, flow, "client-" + client + "-" + n, sessions, failures);
                        requests.incrementAndGet();
                    }
                }));
            }
            Thread.sleep(1_000);
            boolean[] sawNotReady = new boolean[2];
            for (int i = 0; i < 2; i++) {
                ServerProcess old = processes.get(i);
                HttpApi probe = new HttpApi(old.baseUrl());
                Thread stopper = Thread.ofPlatform().start(old::terminate);
                sawNotReady[i] = readyzTurns503(probe);
                stopper.join();
                // The new version: in this JVM, which starts in a fraction of a child's time.
                Application successor = inProcessNode(dataDir, url, env, Clock.systemUTC());
                successors.add(successor);
                urls.set(i, successor.baseUrl());
                Thread.sleep(1_000);
            }
            running.set(false);
            for (Thread t : clients) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(sawNotReady).containsOnly(true);
            assertThat(sessions).as("one session per request, retries included").hasSize(requests.get());
            assertThat(sessions).hasSizeGreaterThan(10);
            Await.until(() -> createdSessions(receiver), d -> d.containsAll(sessions), Duration.ofSeconds(90),
                    "a session.created event for every session");
        } finally {
            processes.forEach(ServerProcess::close);
            successors.forEach(Application::close);
        }
    }

    /** A node in this JVM on the same database and master key as the child processes. */
    private static Application inProcessNode(Path dataDir, String url, Map<String, String> env, Clock clock) {
        Map<String, String> vars = new HashMap<>(env);
        vars.put("PROOFDESK_MASTER_KEY_FILE", MasterKeys.file(dataDir).toString());
        vars.put("PROOFDESK_RATE_LIMIT_TEST", "0");
        return Application.open(new ConfigLoader(vars).load(0, dataDir, url), clock).start();
    }

    /** One logical request: the same Idempotency-Key on the next node until one answers for real. */
    private static void createRetrying(AtomicReferenceArray<String> urls, String key, String flow, String idempotencyKey,
                                       Set<String> sessions, List<String> failures) {
        for (int attempt = 0; attempt < 200; attempt++) {
            HttpApi node = new HttpApi(urls.get((idempotencyKey.hashCode() + attempt) & 1));
            try {
                HttpApi.Response r = node.post("/v1/sessions", key, Map.of("flowId", flow),
                        Map.of("Idempotency-Key", idempotencyKey));
                if (r.status() == 201) {
                    sessions.add(r.body().path("id").asText());
                    return;
                }
                if (r.status() != 502 && r.status() != 503 && !(r.status() == 409
                        && String.valueOf(r.message()).contains("still in progress"))) {
                    failures.add(idempotencyKey + ": " + r);
                    return;
                }
            } catch (UncheckedIOException | IllegalStateException unreachable) {
                // connection refused or reset: the node is gone; the next one gets the same request
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        failures.add(idempotencyKey + ": no node answered");
    }

    /** Polls a stopping node's readiness until it stops answering; true if it said 503 first. */
    private static boolean readyzTurns503(HttpApi node) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpApi.Response r = node.get("/readyz", null);
                if (r.status() == 503) {
                    return true;
                }
            } catch (UncheckedIOException | IllegalStateException gone) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static Set<String> createdSessions(WebhookReceiver receiver) {
        Set<String> ids = new HashSet<>();
        for (Received r : receiver.received()) {
            try {
                var event = JSON.readTree(r.body());
                if (event.path("type").asText().equals("session.created")) {
                    ids.add(event.path("data").path("id").asText());
                }
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids;
    }

    private static Answer slowly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Answer.OK;
    }

    /** Sessions holding the advisory lock {@code name} in this test's database (others may run beside it). */
    private static int lockHolders(String url, String name) {
        return query(url, """
                SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    AND classid::text::bigint = ? AND objid::text::bigint = ?""", st -> {
            st.setLong(1, Integer.toUnsignedLong(AdvisoryLocks.NAMESPACE));
            st.setLong(2, Integer.toUnsignedLong(AdvisoryLocks.id(name)));
        }, rs -> rs.getInt(1));
    }

    private static String status(String url, String sessionId) {
        return query(url, "SELECT status FROM test.sessions WHERE id = ?", st -> st.setString(1, sessionId),
                rs -> rs.getString(1));
    }

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T query(String url, String sql, Binder binder, Reader<T> reader) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
