package dev.proofdesk.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.dashboard.user.Role;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.support.DashboardClient;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions list and session detail pages with 100,000 sessions (and 200,000 events) in the store,
 * seeded in bulk with SQL, measured as request round trips over loopback with HdrHistogram (an
 * upper bound on server time). A benchmark, not a test: it runs only with -Dproofdesk.bench=true.
 */
@Tag("benchmark")
class DashboardPagesBenchmark {
    private static final int SESSIONS = Integer.getInteger("proofdesk.bench.sessions", 100_000);
    private static final int WARMUP = 300;
    private static final int SAMPLES = 2_000;

    @Test
    void sessionsPages() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("proofdesk.bench"), "set -Dproofdesk.bench=true to run");
        Db db = Db.valueOf(System.getProperty("proofdesk.bench.db", "SQLITE"));
        try (TestServer server = TestServer.start(db, Clock.systemUTC(), Map.of())) {
            TestAccount account = server.newAccount();
            String flow = Fixtures.publishedFlow(server.http(), account.testKey());
            String real = Fixtures.session(server.http(), account.testKey(), flow);
            String passport = Fixtures.mockPassport(server.http(), account.testKey(), Map.of("age", 30)).path("id").asText();
            JsonNode done = Fixtures.complete(server.http(), account.testKey(), real, passport);
            List<String> ids = seed(server.app().database().environment(Environment.TEST), account.id(), flow,
                    server.app().environment(Environment.TEST).flows().get(account.id(), flow).publishedVersionId(),
                    done.path("result").toString());
            DashboardClient browser = new DashboardClient(server.baseUrl())
                    .signedIn(server.newUser(account, Role.MEMBER));
            StringBuilder report = new StringBuilder("db=" + db + " sessions=" + ids.size() + "\n");
            report.append(measure("sessions list, first page", () -> "/dashboard/test/sessions", browser));
            report.append(measure("sessions list, status=valid", () -> "/dashboard/test/sessions?status=valid", browser));
            report.append(measure("sessions list, a deep page", () -> "/dashboard/test/sessions?after="
                    + ids.get(ThreadLocalRandom.current().nextInt(ids.size())), browser));
            report.append(measure("session detail", () -> "/dashboard/test/sessions/"
                    + ids.get(ThreadLocalRandom.current().nextInt(ids.size())), browser));
            System.out.print(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "dashboard-benchmark-" + db.name().toLowerCase() + ".txt"), report);
        }
    }

    private static String measure(String name, Supplier<String> path, DashboardClient browser) {
        for (int i = 0; i < WARMUP; i++) {
            assertThat(browser.get(path.get()).status()).isEqualTo(200);
        }
        Histogram histogram = new Histogram(Duration.ofSeconds(10).toNanos(), 3);
        for (int i = 0; i < SAMPLES; i++) {
            String p = path.get();
            long start = System.nanoTime();
            int status = browser.get(p).status();
            histogram.recordValue(System.nanoTime() - start);
            assertThat(status).isEqualTo(200);
        }
        return String.format("%-30s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d requests)%n", name,
                ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(95)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()), histogram.getTotalCount());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Sessions over the last 90 days, each with its created and completed events, ids in time order. */
    private static List<String> seed(Store store, String accountId, String flowId, String versionId, String result) {
        List<String> ids = new ArrayList<>(SESSIONS);
        long now = System.currentTimeMillis();
        long span = Duration.ofDays(90).toMillis();
        int batch = 5_000;
        for (int start = 0; start < SESSIONS; start += batch) {
            int from = start;
            store.writeVoid(h -> {
                var sessions = h.prepareBatch("""
                        INSERT INTO sessions (id, account_id, flow_id, flow_version_id, status, result, cost,
                                              created_at, expires_at, completed_at, updated_at)
                        VALUES (:id, :account, :flow, :version, :status, :result, 10, :created, :expires, :completed,
                                :completed)""");
                var events = h.prepareBatch("""
                        INSERT INTO events (id, account_id, type, data, created_at, session_id)
                        VALUES (:id, :account, :type, :data, :at, :session)""");
                for (int i = from; i < Math.min(from + batch, SESSIONS); i++) {
                    long created = now - span + span * i / SESSIONS;
                    String id = uuid7(created);
                    String status = i % 10 < 7 ? "valid" : i % 10 < 9 ? "invalid" : "expired";
                    long completed = created + 20_000;
                    ids.add(id);
                    sessions.bind("id", id).bind("account", accountId).bind("flow", flowId).bind("version", versionId)
                            .bind("status", status).bind("result", "expired".equals(status) ? null : result)
                            .bind("created", created).bind("expires", created + 3_600_000).bind("completed", completed)
                            .add();
                    String data = "{\"id\":\"" + id + "\",\"flowId\":\"" + flowId + "\",\"status\":\"" + status + "\"}";
                    events.bind("id", uuid7(created)).bind("account", accountId).bind("type", "session.created")
                            .bind("data", data).bind("at", created).bind("session", id).add();
                    events.bind("id", uuid7(completed)).bind("account", accountId)
                            .bind("type", "expired".equals(status) ? "session.expired" : "verification.completed")
                            .bind("data", data).bind("at", completed).bind("session", id).add();
                }
                sessions.execute();
                events.execute();
            });
        }
        return ids;
    }

    private static String uuid7(long millis) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String hex = String.format("%012x", millis);
        return hex.substring(0, 8) + "-" + hex.substring(8) + "-7" + String.format("%03x", r.nextInt(0x1000))
                + "-" + String.format("%04x", 0x8000 | r.nextInt(0x4000)) + "-" + String.format("%012x",
                r.nextLong() & 0xffffffffffffL);
    }
}
