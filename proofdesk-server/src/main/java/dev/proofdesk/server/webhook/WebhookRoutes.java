package dev.proofdesk.server.webhook;

import dev.proofdesk.server.Environments;
import dev.proofdesk.server.http.Bodies;
import dev.proofdesk.server.http.Guard;
import dev.proofdesk.server.http.Pagination;
import dev.proofdesk.server.http.RouteModule;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /v1/webhook_endpoints}: parse, call the key's environment, render. */
public final class WebhookRoutes implements RouteModule {
    private static final String BASE = "/v1/webhook_endpoints";
    private final Environments environments;
    private final Bodies bodies;

    public WebhookRoutes(Environments environments, Bodies bodies) {
        this.environments = environments;
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
        routes.post(BASE, guard.secured((ctx, caller) -> ctx.status(201).json(environments.of(caller).webhooks()
                .endpoints().create(caller.accountId(), bodies.read(ctx, EndpointInput.class)))));
        routes.get(BASE, guard.secured(Pagination.QUERY, (ctx, caller) -> {
            EndpointService endpoints = environments.of(caller).webhooks().endpoints();
            ctx.json(Pagination.page(Pagination.request(ctx), id -> endpoints.existsHere(caller.accountId(), id),
                    page -> endpoints.list(caller.accountId(), page.startingAfter(), page.fetchLimit())));
        }));
        routes.get(BASE + "/{id}", guard.secured((ctx, caller) -> ctx.json(
                environments.of(caller).webhooks().endpoints().get(caller.accountId(), ctx.pathParam("id")))));
        routes.post(BASE + "/{id}", guard.secured((ctx, caller) -> ctx.json(environments.of(caller).webhooks()
                .endpoints().update(caller.accountId(), ctx.pathParam("id"), bodies.read(ctx, EndpointInput.class)))));
        routes.delete(BASE + "/{id}", guard.secured((ctx, caller) -> ctx.json(
                environments.of(caller).webhooks().endpoints().delete(caller.accountId(), ctx.pathParam("id")))));
        routes.post(BASE + "/{id}/enable", guard.secured((ctx, caller) -> ctx.json(environments.of(caller)
                .webhooks().endpoints().setEnabled(caller.accountId(), ctx.pathParam("id"), true))));
        routes.post(BASE + "/{id}/disable", guard.secured((ctx, caller) -> ctx.json(environments.of(caller)
                .webhooks().endpoints().setEnabled(caller.accountId(), ctx.pathParam("id"), false))));
        routes.post(BASE + "/{id}/rotate_secret", guard.secured((ctx, caller) -> {
            RotateInput input = optionalBody(ctx, RotateInput.class, new RotateInput(null));
            ctx.json(environments.of(caller).webhooks().endpoints()
                    .rotate(caller.accountId(), ctx.pathParam("id"), input.overlapSeconds()));
        }));
        routes.post(BASE + "/{id}/test", guard.secured((ctx, caller) -> ctx.status(202).json(
                environments.of(caller).webhooks().endpoints().sendTest(caller.accountId(), ctx.pathParam("id")))));
        routes.get(BASE + "/{id}/deliveries", guard.secured(Pagination.QUERY, (ctx, caller) -> {
            EnvironmentWebhooks webhooks = environments.of(caller).webhooks();
            ctx.json(Pagination.page(Pagination.request(ctx),
                    id -> webhooks.deliveryExists(caller.accountId(), ctx.pathParam("id"), id),
                    page -> webhooks.deliveries(caller.accountId(),
                    ctx.pathParam("id"), page.startingAfter(), page.fetchLimit())));
        }));
    }

    <T> T optionalBody(Context ctx, Class<T> type, T fallback) {
        return ctx.bodyAsBytes().length == 0 ? fallback : bodies.read(ctx, type);
    }
}
