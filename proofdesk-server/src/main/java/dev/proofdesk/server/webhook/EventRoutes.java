package dev.proofdesk.server.webhook;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.event.Event;
import dev.proofdesk.server.http.Bodies;
import dev.proofdesk.server.http.Guard;
import dev.proofdesk.server.http.Pagination;
import dev.proofdesk.server.http.PerEnvironment;
import dev.proofdesk.server.http.QueryParams;
import dev.proofdesk.server.http.RouteModule;
import io.javalin.config.RoutesConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /v1/events} (list, retrieve, redeliver) and {@code /v1/listen} for {@code proofdesk listen}. */
public final class EventRoutes implements RouteModule {
    private static final int MAX_WAIT_SECONDS = 30;
    private static final QueryParams LIST_QUERY = Pagination.QUERY.and("type", "createdAfter", "deliveryFailed");
    private static final QueryParams LISTEN_QUERY = QueryParams.of("cursor", "waitSeconds");
    private final PerEnvironment<EventService> events;
    private final Bodies bodies;
    private final Listening listening;

    public EventRoutes(PerEnvironment<EventService> events, Bodies bodies, Listening listening) {
        this.events = events;
        this.bodies = bodies;
        this.listening = listening;
    }

    /** Redelivery target; without one, every enabled endpoint subscribed to the event's type. */
    record RedeliverInput(String endpointId) {
    }

    @Override
    public String openApiFragment() {
        return "openapi/events.json";
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.get("/v1/events", guard.secured(LIST_QUERY, events, (ctx, caller, events) -> {
            EventFilter filter = EventFilter.parse(ctx.queryParam("type"), ctx.queryParam("createdAfter"),
                    ctx.queryParam("deliveryFailed"));
            ctx.json(Pagination.page(Pagination.request(ctx), id -> events.existsHere(caller.accountId(), id),
                    page -> events.list(caller.accountId(), filter, page.startingAfter(), page.fetchLimit())));
        }));
        routes.get("/v1/events/{id}", guard.secured(events, (ctx, caller, events) ->
                ctx.json(events.get(caller.accountId(), ctx.pathParam("id")))));
        routes.post("/v1/events/{id}/redeliver", guard.secured(events, (ctx, caller, events) -> {
            RedeliverInput input = ctx.bodyAsBytes().length == 0 ? new RedeliverInput(null)
                    : bodies.read(ctx, RedeliverInput.class);
            ctx.status(202).json(events.redeliver(caller.accountId(), ctx.pathParam("id"), input.endpointId()));
        }));
        routes.get("/v1/listen/secret", guard.secured((ctx, caller) -> {
            if (caller.livemode()) {
                throw ApiException.testModeOnly("proofdesk listen");
            }
            ctx.json(Map.of("object", "listen_secret", "secret", listening.secret(caller.accountId())));
        }));
        routes.get("/v1/listen/events", guard.secured(LISTEN_QUERY, events, (ctx, caller, events) -> {
            if (caller.livemode()) {
                throw ApiException.testModeOnly("proofdesk listen");
            }
            long cursor = longParam(ctx.queryParam("cursor"), "cursor", listening.now());
            long wait = longParam(ctx.queryParam("waitSeconds"), "waitSeconds", 25);
            if (wait < 0 || wait > MAX_WAIT_SECONDS) {
                throw ApiException.validation("waitSeconds", "must be from 0 to " + MAX_WAIT_SECONDS);
            }
            List<Event> found = listening.poll(events, caller.accountId(), cursor, Duration.ofSeconds(wait));
            long next = found.stream().mapToLong(e -> e.createdAt().toEpochMilli()).max().orElse(cursor);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("object", "list");
            out.put("data", found.stream().map(EventView::of).toList());
            out.put("cursor", Long.toString(Math.max(next, cursor)));
            ctx.json(out);
        }));
    }

    private static long longParam(String value, String name, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.validation(name, "must be a whole number (got '" + value + "')");
        }
    }
}
