package dev.proofdesk.server.webhook;

import dev.proofdesk.server.store.Store;

import java.time.Clock;
import java.time.Duration;

/** Events are kept for 30 days; their deliveries and attempts go with them. */
final class Retention {
    static final Duration KEEP = Duration.ofDays(30);
    private static final int BATCH = 1000;
    private final Store store;
    private final Clock clock;

    Retention(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    int purge() {
        long cutoff = clock.millis() - KEEP.toMillis();
        int total = 0;
        while (true) {
            int purged = store.write(h -> {
                var ids = h.createQuery("SELECT id FROM events WHERE created_at < :cutoff ORDER BY created_at LIMIT :n")
                        .bind("cutoff", cutoff).bind("n", BATCH).mapTo(String.class).list();
                if (ids.isEmpty()) {
                    return 0;
                }
                h.createUpdate("""
                        DELETE FROM webhook_attempts WHERE delivery_id IN
                            (SELECT id FROM webhook_deliveries WHERE event_id IN (<ids>))""")
                        .bindList("ids", ids).execute();
                h.createUpdate("DELETE FROM webhook_deliveries WHERE event_id IN (<ids>)").bindList("ids", ids).execute();
                h.createUpdate("DELETE FROM events WHERE id IN (<ids>)").bindList("ids", ids).execute();
                return ids.size();
            });
            total += purged;
            if (purged < BATCH) {
                return total;
            }
        }
    }
}
