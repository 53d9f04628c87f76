package dev.proofdesk.sdk.webhook;

import dev.proofdesk.sdk.ListParams;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Filters of an event list; every field may be null. */
public record EventListParams(String type, Instant createdAfter, Boolean deliveryFailed, Integer limit,
                              String startingAfter) {
    public static final EventListParams ALL = new EventListParams(null, null, null, null, null);

    public EventListParams {
        new ListParams(limit, startingAfter);
    }

    public static EventListParams type(String type) {
        return new EventListParams(type, null, null, null, null);
    }

    /** Events with a delivery whose latest attempt failed. */
    public static EventListParams failedDeliveries() {
        return new EventListParams(null, null, true, null, null);
    }

    public EventListParams withCreatedAfter(Instant after) {
        return new EventListParams(type, after, deliveryFailed, limit, startingAfter);
    }

    public Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>(new ListParams(limit, startingAfter).toQuery());
        if (type != null) {
            query.put("type", type);
        }
        if (createdAfter != null) {
            query.put("createdAfter", createdAfter.toString());
        }
        if (deliveryFailed != null) {
            query.put("deliveryFailed", deliveryFailed.toString());
        }
        return query;
    }
}
