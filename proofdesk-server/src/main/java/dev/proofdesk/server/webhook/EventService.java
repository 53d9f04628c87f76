package dev.proofdesk.server.webhook;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Resource;
import dev.proofdesk.server.event.Event;
import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The events API of one environment: list with filters, retrieve, redeliver. */
public final class EventService {
    private final Store store;
    private final EventLog events;
    private final EndpointRepository endpoints;
    private final OutboxSink outbox;
    private final Clock clock;

    EventService(Store store, EventLog events, EndpointRepository endpoints, OutboxSink outbox, Clock clock) {
        this.store = store;
        this.events = events;
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.clock = clock;
    }

    public List<EventView> list(String accountId, EventFilter filter, String startingAfter, int limit) {
        return events.list(accountId, filter.type(), filter.createdAfter(), filter.deliveryFailed(), startingAfter, limit)
                .stream().map(EventView::of).toList();
    }

    public EventView get(String accountId, String id) {
        return EventView.of(store.read(h -> require(h, accountId, id)));
    }

    /** Queues the event again, with its original id, for one endpoint or for every subscribed one. */
    public Map<String, Object> redeliver(String accountId, String eventId, String endpointId) {
        if (endpointId != null && !Ids.isUuid(endpointId)) {
            throw ApiException.validation("endpointId", "'" + endpointId + "' is not a webhook endpoint id (a UUID)");
        }
        return store.write(h -> {
            Event event = require(h, accountId, eventId);
            List<Endpoint> targets;
            if (endpointId != null) {
                Endpoint endpoint = endpoints.find(h, accountId, endpointId)
                        .orElseThrow(() -> ApiException.notFound(Resource.WEBHOOK_ENDPOINT, endpointId));
                if (!endpoint.enabled()) {
                    throw ApiException.conflict("Webhook endpoint " + endpointId + " is disabled; enable it first.");
                }
                targets = List.of(endpoint);
            } else {
                targets = endpoints.enabledFor(h, accountId).stream().filter(e -> e.subscribes(event.type())).toList();
                if (targets.isEmpty()) {
                    throw ApiException.conflict("No enabled webhook endpoint subscribes to " + event.type()
                            + "; name one with endpointId or subscribe an endpoint first.");
                }
            }
            List<String> ids = outbox.enqueue(h, event, targets);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("object", "redelivery");
            out.put("eventId", event.id());
            out.put("deliveries", IntStream.range(0, ids.size()).mapToObj(i ->
                    Map.of("id", ids.get(i), "endpointId", targets.get(i).id())).toList());
            return out;
        });
    }

    /** Events created after {@code sinceMillis} minus a small overlap (commits can land out of order). */
    List<Event> recent(String accountId, long sinceMillis, int limit) {
        return events.createdAfter(accountId, sinceMillis, limit);
    }

    private Event require(Handle h, String accountId, String id) {
        if (!Ids.isUuid(id)) {
            throw ApiException.validation("id", "'" + id + "' is not an event id (a UUID)");
        }
        return events.byIds(h, List.of(id)).stream().filter(e -> e.accountId().equals(accountId)).findFirst()
                .orElseThrow(() -> ApiException.notFound(Resource.EVENT, id));
    }

    public boolean existsHere(String accountId, String id) {
        return Ids.isUuid(id) && events.find(accountId, id).isPresent();
    }

    Instant now() {
        return clock.instant();
    }
}
