package dev.proofdesk.server.session;

import dev.proofdesk.server.http.Bodies;
import dev.proofdesk.server.http.Guard;
import dev.proofdesk.server.http.Pagination;
import dev.proofdesk.server.http.PerEnvironment;
import dev.proofdesk.server.http.RouteModule;
import io.javalin.config.RoutesConfig;

/** {@code /v1/sessions} for integrators (API keys). Holder endpoints live with verification. */
public final class SessionRoutes implements RouteModule {
    private final PerEnvironment<SessionService> sessions;
    private final Bodies bodies;

    public SessionRoutes(PerEnvironment<SessionService> sessions, Bodies bodies) {
        this.sessions = sessions;
        this.bodies = bodies;
    }

    @Override
    public String openApiFragment() {
        return "openapi/sessions.json";
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.post("/v1/sessions", guard.secured(sessions, (ctx, caller, sessions) -> ctx.status(201).json(
                sessions.create(caller.accountId(), bodies.read(ctx, SessionInput.class)))));
        routes.get("/v1/sessions", guard.secured(Pagination.QUERY.and("status", "flowId"), sessions,
                (ctx, caller, sessions) -> ctx.json(Pagination.page(Pagination.request(ctx),
                        id -> sessions.existsHere(caller.accountId(), id),
                        page -> sessions.list(caller.accountId(), ctx.queryParam("status"), ctx.queryParam("flowId"),
                                page.startingAfter(), page.fetchLimit())))));
        routes.get("/v1/sessions/{id}", guard.secured(sessions, (ctx, caller, sessions) ->
                ctx.json(sessions.get(caller.accountId(), ctx.pathParam("id")))));
        routes.post("/v1/sessions/{id}/cancel", guard.secured(sessions, (ctx, caller, sessions) ->
                ctx.json(sessions.cancel(caller.accountId(), ctx.pathParam("id")))));
    }
}
