package dev.proofdesk.server.webhook;

import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.store.Store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Events are kept for 30 days; their deliveries and attempts go with them. */
final class Retention {
    static final Duration KEEP = Duration.ofDays(30);
    private static final int BATCH = 1000;
    private final Store store;
    private final EventLog events;
    private final DeliveryRepository deliveries;
    private final Clock clock;

    Retention(Store store, EventLog events, DeliveryRepository deliveries, Clock clock) {
        this.store = store;
        this.events = events;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    int purge() {
        Instant cutoff = clock.instant().minus(KEEP);
        int total = 0;
        while (true) {
            int purged = store.write(h -> {
                List<String> ids = events.idsCreatedBefore(h, cutoff, BATCH);
                if (ids.isEmpty()) {
                    return 0;
                }
                deliveries.deleteOfEvents(h, ids);
                events.delete(h, ids);
                return ids.size();
            });
            total += purged;
            if (purged < BATCH) {
                return total;
            }
        }
    }
}
