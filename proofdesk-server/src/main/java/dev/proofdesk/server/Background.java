package dev.proofdesk.server;

import dev.proofdesk.server.environment.Environments;
import dev.proofdesk.server.http.Idempotency;
import dev.proofdesk.server.http.SharedBuckets;
import dev.proofdesk.server.store.Database;
import dev.proofdesk.server.store.Dialect;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Singletons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Periodic housekeeping per environment: expire overdue sessions, drop old idempotency keys, events
 * and rate-limit buckets. Each job runs on one node of a cluster at a time ({@link Singletons}). Every
 * node keeps its own trust anchors loaded (at start, and after an import by another process), so no
 * verification waits for them.
 */
final class Background implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    private final Environments environments;
    private final Idempotency idempotency;
    private final Database database;
    private final int intervalSeconds;
    private final Singletons singletons;
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
        this.singletons = Singletons.of(database);
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::loadTrustAnchors, 0, intervalSeconds, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> singletons.runAlone("sweep", this::sweep),
                intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> singletons.runAlone("purge", this::purge), 1, 60, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(this::shareWebhookSlots, 0, intervalSeconds, TimeUnit.SECONDS);
    }

    /** Every node: a webhook endpoint's concurrency limit is for the cluster, split among the nodes up now. */
    private void shareWebhookSlots() {
        int nodes = singletons.nodes();
        for (Environment env : Environment.values()) {
            environments.of(env).webhooks().dispatcher().shareEndpointsWith(nodes);
        }
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
        if (database.dialect() == Dialect.POSTGRES) {
            try {
                SharedBuckets.purgeIdle(database.control());
            } catch (RuntimeException e) {
                LOG.warn("purging idle rate-limit buckets failed; will retry", e);
            }
        }
    }

    /** Stops the jobs and lets go of their locks, so another node takes them over at its next interval. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        singletons.close();
    }
}
