package dev.proofdesk.server.webhook;

import dev.proofdesk.server.event.Event;
import dev.proofdesk.server.event.EventSink;
import dev.proofdesk.server.event.EventType;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The transactional outbox: for every event, one delivery row per enabled endpoint of the account
 * that subscribes to its type, written in the event's own transaction. Commit means "will be
 * delivered"; rollback means neither the change nor its webhooks happened.
 */
final class OutboxSink implements EventSink {
    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final Wakeups wakeups;
    private final Clock clock;

    OutboxSink(EndpointRepository endpoints, DeliveryRepository deliveries, Wakeups wakeups, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.wakeups = wakeups;
        this.clock = clock;
    }

    @Override
    public void onAppend(Handle h, Event event) {
        if (event.type().equals(EventType.WEBHOOK_ENDPOINT_TEST.id())) {
            return; // addressed to one endpoint by whoever sent it
        }
        Instant now = clock.instant();
        List<String> targets = new ArrayList<>();
        List<Instant> due = new ArrayList<>();
        for (Endpoint endpoint : endpoints.enabledFor(h, event.accountId())) {
            if (endpoint.subscribes(event.type())) {
                targets.add(endpoint.id());
                due.add(endpoint.pausedUntil() != null && endpoint.pausedUntil().isAfter(now)
                        ? endpoint.pausedUntil() : now);
            }
        }
        if (!targets.isEmpty()) {
            deliveries.insert(h, event.accountId(), event.id(), targets, due, now);
            wakeups.afterCommit(h);
        }
    }

    /** Queues one event for the given endpoints regardless of their subscriptions (tests, redelivery). */
    List<String> enqueue(Handle h, Event event, List<Endpoint> to) {
        Instant now = clock.instant();
        List<String> ids = deliveries.insert(h, event.accountId(), event.id(),
                to.stream().map(Endpoint::id).toList(), to.stream().map(e -> now).toList(), now);
        wakeups.afterCommit(h);
        return ids;
    }
}
