package dev.proofdesk.server;

import dev.proofdesk.server.environment.Environments;
import dev.proofdesk.server.http.Idempotency;
import dev.proofdesk.server.store.Database;
import dev.proofdesk.server.store.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Periodic housekeeping per environment: expire overdue sessions, drop old idempotency keys, and
 * keep the trust anchors loaded (at start, and after an import by another process), so no
 * verification waits for them.
 */
final class Background implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    private final Environments environments;
    private final Idempotency idempotency;
    private final Database database;
    private final int intervalSeconds;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "proofdesk-sweeper");
        t.setDaemon(true);
        return t;
    });

    Background(Environments environments, Idempotency idempotency, Database database, int intervalSeconds) {
        this.environments = environments;
        this.idempotency = idempotency;
        this.database = database;
        this.intervalSeconds = intervalSeconds;
    }

    void start() {
        scheduler.execute(this::loadTrustAnchors);
        scheduler.scheduleWithFixedDelay(this::sweep, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    private void loadTrustAnchors() {
        for (Environment env : Environment.values()) {
            try {
                environments.of(env).trust().refresh();
            } catch (RuntimeException e) {
                LOG.warn("loading {} trust anchors failed; the first verification will load them", env.id(), e);
            }
        }
    }

    private void sweep() {
        loadTrustAnchors();
        for (Environment env : Environment.values()) {
            try {
                while (environments.of(env).sessions().expireDue(500) == 500) {
                    // keep going while full batches come back
                }
                environments.of(env).holder().recoverInterrupted(100);
            } catch (RuntimeException e) {
                LOG.warn("expiring {} sessions failed; will retry", env.id(), e);
            }
        }
    }

    private void purge() {
        for (Environment env : Environment.values()) {
            try {
                idempotency.purge(database.environment(env));
            } catch (RuntimeException e) {
                LOG.warn("purging {} idempotency keys failed; will retry", env.id(), e);
            }
            try {
                environments.of(env).webhooks().purgeExpired();
            } catch (RuntimeException e) {
                LOG.warn("purging {} events older than 30 days failed; will retry", env.id(), e);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
