package dev.proofdesk.server.webhook;

import dev.proofdesk.server.http.Bodies;
import dev.proofdesk.server.http.Guard;
import dev.proofdesk.server.http.Pagination;
import dev.proofdesk.server.http.PerEnvironment;
import dev.proofdesk.server.http.RouteModule;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /v1/webhook_endpoints}: parse, call the key's environment, render. */
public final class WebhookRoutes implements RouteModule {
    private static final String BASE = "/v1/webhook_endpoints";
    private final PerEnvironment<EnvironmentWebhooks> webhooks;
    private final PerEnvironment<EndpointService> endpoints;
    private final Bodies bodies;

    public WebhookRoutes(PerEnvironment<EnvironmentWebhooks> webhooks, Bodies bodies) {
        this.webhooks = webhooks;
        this.endpoints = env -> webhooks.of(env).endpoints();
        this.bodies = bodies;
    }

    /** Rotation options. */
    record RotateInput(Long overlapSeconds) {
    }

    @Override
    public String openApiFragment() {
        return "openapi/webhooks.json";
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.post(BASE, guard.secured(endpoints, (ctx, caller, endpoints) -> ctx.status(201).json(
                endpoints.create(caller.accountId(), bodies.read(ctx, EndpointInput.class)))));
        routes.get(BASE, guard.secured(Pagination.QUERY, endpoints, (ctx, caller, endpoints) ->
                ctx.json(Pagination.page(Pagination.request(ctx), id -> endpoints.existsHere(caller.accountId(), id),
                        page -> endpoints.list(caller.accountId(), page.startingAfter(), page.fetchLimit())))));
        routes.get(BASE + "/{id}", guard.secured(endpoints, (ctx, caller, endpoints) ->
                ctx.json(endpoints.get(caller.accountId(), ctx.pathParam("id")))));
        routes.post(BASE + "/{id}", guard.secured(endpoints, (ctx, caller, endpoints) -> ctx.json(
                endpoints.update(caller.accountId(), ctx.pathParam("id"), bodies.read(ctx, EndpointInput.class)))));
        routes.delete(BASE + "/{id}", guard.secured(endpoints, (ctx, caller, endpoints) ->
                ctx.json(endpoints.delete(caller.accountId(), ctx.pathParam("id")))));
        routes.post(BASE + "/{id}/enable", guard.secured(endpoints, (ctx, caller, endpoints) ->
                ctx.json(endpoints.setEnabled(caller.accountId(), ctx.pathParam("id"), true))));
        routes.post(BASE + "/{id}/disable", guard.secured(endpoints, (ctx, caller, endpoints) ->
                ctx.json(endpoints.setEnabled(caller.accountId(), ctx.pathParam("id"), false))));
        routes.post(BASE + "/{id}/rotate_secret", guard.secured(endpoints, (ctx, caller, endpoints) -> {
            RotateInput input = optionalBody(ctx, RotateInput.class, new RotateInput(null));
            ctx.json(endpoints.rotate(caller.accountId(), ctx.pathParam("id"), input.overlapSeconds()));
        }));
        routes.post(BASE + "/{id}/test", guard.secured(endpoints, (ctx, caller, endpoints) ->
                ctx.status(202).json(endpoints.sendTest(caller.accountId(), ctx.pathParam("id")))));
        routes.get(BASE + "/{id}/deliveries", guard.secured(Pagination.QUERY, webhooks, (ctx, caller, webhooks) ->
                ctx.json(Pagination.page(Pagination.request(ctx),
                        id -> webhooks.deliveryExists(caller.accountId(), ctx.pathParam("id"), id),
                        page -> webhooks.deliveries(caller.accountId(),
                                ctx.pathParam("id"), page.startingAfter(), page.fetchLimit())))));
    }

    <T> T optionalBody(Context ctx, Class<T> type, T fallback) {
        return ctx.bodyAsBytes().length == 0 ? fallback : bodies.read(ctx, type);
    }
}
