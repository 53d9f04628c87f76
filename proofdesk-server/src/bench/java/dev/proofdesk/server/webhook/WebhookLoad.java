package dev.proofdesk.server.webhook;

import com.sun.management.OperatingSystemMXBean;
import dev.proofdesk.server.Application;
import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.config.ServerConfig;
import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.event.EventType;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.support.MasterKeys;
import dev.proofdesk.server.support.Postgres;
import io.javalin.Javalin;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Webhook load driver (not a test): a real server in this JVM, events appended in their own
 * transactions as the API would, and a local receiver that answers 200 at once.
 *
 * <pre>WebhookLoad sqlite|postgres</pre>
 */
public final class WebhookLoad {
    private static final int BACKLOG = 60_000;
    private static final Duration PHASE = Duration.ofSeconds(20);

    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong hungRequests = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "sqlite";
        String phases = args.length > 1 ? args[1] : "backlog,sustained,latency";
        new WebhookLoad().run(db.equals("postgres"), List.of(phases.split(",")));
        System.exit(0);
    }

    private void run(boolean postgres, List<String> phases) throws Exception {
        Javalin receiver = Javalin.create(c -> {
            c.concurrency.useVirtualThreads = true;
            c.startup.showJavalinBanner = false;
            c.routes.post("/healthy", ctx -> {
                arrivedAt.putIfAbsent(ctx.header("webhook-id"), System.nanoTime());
                delivered.incrementAndGet();
                ctx.status(200);
            });
            c.routes.post("/hanging", ctx -> {
                hungRequests.incrementAndGet();
                Thread.sleep(60_000);
            });
        }).start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + receiver.port();
        System.out.printf("database: %s, cores: %d%n", postgres ? "PostgreSQL" : "SQLite",
                Runtime.getRuntime().availableProcessors());

        // 1. backlog: 60,000 deliveries committed while no dispatcher runs, then one starts
        if (phases.contains("backlog")) try (Application app = open(postgres)) {
            Target target = target(app, base, false);
            long t = System.nanoTime();
            appendBatched(target, BACKLOG);
            System.out.printf("backlog: %,d events committed in %.1f s (500 per transaction)%n", BACKLOG,
                    (System.nanoTime() - t) / 1e9);
            long started = System.nanoTime();
            long cpu = cpuNanos();
            app.start();
            awaitDelivered(BACKLOG, Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuPerDelivery = (cpuNanos() - cpu) / 1e3 / BACKLOG;
            System.out.printf("backlog drain: %,d deliveries in %.1f s = %,.0f deliveries/s; CPU %.0f µs per "
                            + "delivery (server and receiver) = %,.0f deliveries/s per core%n", BACKLOG, seconds,
                    BACKLOG / seconds, cpuPerDelivery, 1e6 / cpuPerDelivery);
        }

        // 2. sustained: producers commit one event per transaction as fast as they can
        delivered.set(0);
        if (phases.contains("sustained")) try (Application app = open(postgres).start()) {
            Target target = target(app, base, false);
            long t = System.nanoTime();
            long cpu = cpuNanos();
            long produced = produce(target, 0, PHASE, 4);
            awaitDelivered(produced, Duration.ofMinutes(2));
            double seconds = (System.nanoTime() - t) / 1e9;
            double cpuPerEvent = (cpuNanos() - cpu) / 1e3 / produced;
            System.out.printf("sustained: %,d events (1 per transaction, 4 producers) delivered in %.1f s = "
                    + "%,.0f deliveries/s; CPU %.0f µs per event committed and delivered%n", produced, seconds,
                    produced / seconds, cpuPerEvent);
        }

        // 3. latency at a fixed rate, alone and beside a hanging endpoint
        for (boolean withHanging : phases.contains("latency") ? new boolean[] {false, true} : new boolean[0]) {
            delivered.set(0);
            hungRequests.set(0);
            try (Application app = open(postgres).start()) {
                Target target = target(app, base, withHanging);
                long warm = produce(target, 1000, Duration.ofSeconds(3), 2);
                awaitDelivered(warm, Duration.ofSeconds(30));
                committedAt.clear();
                arrivedAt.clear();
                long produced = produce(target, 1000, PHASE, 2);
                awaitDelivered(warm + produced, Duration.ofMinutes(1));
                Histogram h = new Histogram(3);
                committedAt.forEach((id, t0) -> {
                    Long t1 = arrivedAt.get(id);
                    if (t1 != null) {
                        h.recordValue(Math.max(1, (t1 - t0) / 1000));
                    }
                });
                System.out.printf("latency at 1,000 events/s%s: n=%,d p50=%.1f ms p99=%.1f ms p99.9=%.1f ms "
                                + "max=%.1f ms%s%n", withHanging ? " with a hanging endpoint" : "", h.getTotalCount(),
                        h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                        h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0,
                        withHanging ? " (hanging endpoint got " + hungRequests.get() + " requests)" : "");
            }
        }
        receiver.stop();
    }

    private record Target(Store store, EventLog events, String accountId) {
    }

    private Application open(boolean postgres) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PROOFDESK_RATE_LIMIT_TEST", "0");
        env.put("PROOFDESK_WEBHOOK_WORKERS_TEST", "64");
        env.put("PROOFDESK_WEBHOOK_ENDPOINT_CONCURRENCY", "32");
        if (postgres) {
            env.put("PROOFDESK_MASTER_KEY", MasterKeys.random());
        }
        ServerConfig config = new ConfigLoader(env).load(0, Files.createTempDirectory("proofdesk-bench"),
                postgres ? Postgres.freshDatabase() : null);
        return Application.open(config, Clock.systemUTC());
    }

    private Target target(Application app, String base, boolean withHanging) {
        String account = app.accounts().create("bench").id();
        var webhooks = app.environment(Environment.TEST).webhooks();
        webhooks.endpoints().create(account, new EndpointInput(base + "/healthy", "healthy", null));
        if (withHanging) {
            webhooks.endpoints().create(account, new EndpointInput(base + "/hanging", "hanging", null));
        }
        var env = app.environment(Environment.TEST);
        return new Target(env.store(), env.events(), account);
    }

    private static void appendBatched(Target target, int count) {
        for (int done = 0; done < count; done += 500) {
            int n = Math.min(500, count - done);
            target.store().writeVoid(h -> {
                for (int i = 0; i < n; i++) {
                    target.events().append(h, target.accountId(), EventType.SESSION_CREATED, Map.of("n", 1));
                }
            });
        }
    }

    /** Appends events, one per transaction, at {@code perSecond} in all (0 = as fast as possible). */
    private long produce(Target target, int perSecond, Duration duration, int threads) throws InterruptedException {
        AtomicLong produced = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < threads; p++) {
            producers.add(Thread.ofPlatform().start(() -> {
                long interval = perSecond == 0 ? 0 : 1_000_000_000L * threads / perSecond;
                long next = System.nanoTime();
                while (System.nanoTime() < end) {
                    if (interval > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        next += interval;
                    }
                    String id = target.store().write(h -> target.events()
                            .append(h, target.accountId(), EventType.SESSION_CREATED, Map.of("n", 1)).id());
                    committedAt.put(id, System.nanoTime());
                    produced.incrementAndGet();
                }
            }));
        }
        for (Thread t : producers) {
            t.join();
        }
        return produced.get();
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void awaitDelivered(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (delivered.get() < count) {
            if (System.nanoTime() > deadline) {
                System.out.printf("  (gave up waiting: %,d of %,d delivered)%n", delivered.get(), count);
                return;
            }
            Thread.sleep(5);
        }
    }
}
