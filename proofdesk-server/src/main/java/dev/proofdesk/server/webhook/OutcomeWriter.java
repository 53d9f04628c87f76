package dev.proofdesk.server.webhook;

import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Records attempt outcomes in batches: one short transaction for whatever finished meanwhile, so
 * the store sees a few writes per second under load rather than one per delivery.
 */
final class OutcomeWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeWriter.class);
    private static final int MAX_BATCH = 500;
    private final Store store;
    private final DeliveryRepository deliveries;
    private final EndpointHealth health;
    private final Clock clock;
    private final IntConsumer written;
    private final LinkedBlockingQueue<Outcome> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    OutcomeWriter(Store store, DeliveryRepository deliveries, EndpointHealth health, Clock clock,
                  IntConsumer written) {
        this.store = store;
        this.deliveries = deliveries;
        this.health = health;
        this.clock = clock;
        this.written = written;
    }

    void start(Environment environment) {
        running = true;
        thread = Thread.ofPlatform().daemon().name("webhook-outcomes-" + environment.id()).start(this::loop);
    }

    void add(Outcome outcome) {
        queue.add(outcome);
    }

    private void loop() {
        List<Outcome> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Outcome first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            record(batch);
            written.accept(batch.size());
            batch.clear();
        }
    }

    /** A few tries: on PostgreSQL a concurrent claim can make this transaction a deadlock victim. */
    private void record(List<Outcome> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                Instant now = clock.instant();
                store.writeVoid(h -> {
                    deliveries.complete(h, batch);
                    health.apply(h, batch, now);
                });
                return;
            } catch (RuntimeException e) {
                if (attempt >= 3) {
                    // The rows stay reserved; when the lease ends they are delivered again (at least once).
                    LOG.error("recording {} webhook outcomes failed", batch.size(), e);
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
