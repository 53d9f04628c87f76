package dev.proofdesk.server.webhook;

import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.event.EventType;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What attempts mean for their endpoints, applied in the transaction that records them: a success
 * ends a failing streak, a 410 or five days of failures disable the endpoint (with a
 * {@code webhook_endpoint.disabled} event), a timeout or 429 holds its waiting deliveries.
 */
final class EndpointHealth {
    static final Duration DISABLE_AFTER = Duration.ofDays(5);
    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final EventLog events;
    private final boolean livemode;

    EndpointHealth(EndpointRepository endpoints, DeliveryRepository deliveries, EventLog events) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.events = events;
        this.livemode = events.environment().livemode();
    }

    void apply(Handle h, List<Outcome> outcomes, Instant now) {
        Set<String> healthy = new HashSet<>();
        Map<String, Outcome> failing = new HashMap<>();
        Map<String, Outcome> gone = new HashMap<>();
        Map<String, Instant> holds = new HashMap<>();
        for (Outcome o : outcomes) {
            switch (o.effect()) {
                case HEALTHY -> healthy.add(o.endpointId());
                case FAILING -> failing.merge(o.endpointId(), o, (a, b) -> a.at().isBefore(b.at()) ? a : b);
                case GONE -> gone.put(o.endpointId(), o);
                case NONE -> { }
            }
            if (o.holdUntil() != null) {
                holds.merge(o.endpointId(), o.holdUntil(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        endpoints.markHealthy(h, healthy);
        gone.forEach((id, o) -> disable(h, id, "the endpoint answered 410 Gone at " + o.at(), now));
        failing.forEach((id, o) -> {
            if (healthy.contains(id) || gone.containsKey(id)) {
                return;
            }
            Instant since = endpoints.markFailing(h, id, o.at());
            if (!since.plus(DISABLE_AFTER).isAfter(now)) {
                disable(h, id, "every delivery failed for 5 days, since " + since, now);
            }
        });
        holds.forEach((id, until) -> {
            endpoints.pause(h, id, until);
            deliveries.hold(h, id, until);
        });
    }

    void disable(Handle h, String endpointId, String reason, Instant now) {
        if (!endpoints.disable(h, endpointId, reason, now)) {
            return;
        }
        deliveries.cancelPending(h, endpointId);
        endpoints.byIds(h, List.of(endpointId)).forEach(e ->
                events.append(h, e.accountId(), EventType.WEBHOOK_ENDPOINT_DISABLED, e.view(livemode, null)));
    }
}
