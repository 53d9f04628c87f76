package dev.proofdesk.sdk.webhook;

import dev.proofdesk.sdk.Page;
import dev.proofdesk.sdk.RequestOptions;
import dev.proofdesk.sdk.net.ApiRequestor;

import java.util.Map;

import static dev.proofdesk.sdk.net.ApiRequestor.segment;

/** {@code /v1/events}: what happened in the key's environment (kept 30 days). */
public final class EventService {
    private final ApiRequestor api;

    public EventService(ApiRequestor api) {
        this.api = api;
    }

    public Event retrieve(String id) {
        return api.get("/v1/events/" + segment(id), Map.of(), Event.class, RequestOptions.NONE);
    }

    public Page<Event> list(EventListParams params) {
        return api.list("/v1/events", params.toQuery(), Event.class, Event::id, RequestOptions.NONE);
    }

    /** Delivers the event again, with its original id, to every enabled endpoint subscribed to it. */
    public void redeliver(String id) {
        api.post("/v1/events/" + segment(id) + "/redeliver", Map.of(), null, Map.class, RequestOptions.NONE);
    }

    /** Delivers the event again to one endpoint. */
    public void redeliver(String id, String endpointId) {
        api.post("/v1/events/" + segment(id) + "/redeliver", Map.of(), Map.of("endpointId", endpointId), Map.class,
                RequestOptions.NONE);
    }
}
