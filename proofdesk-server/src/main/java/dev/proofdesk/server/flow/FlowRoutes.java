package dev.proofdesk.server.flow;

import dev.proofdesk.server.http.Bodies;
import dev.proofdesk.server.http.Guard;
import dev.proofdesk.server.http.Pagination;
import dev.proofdesk.server.http.PerEnvironment;
import dev.proofdesk.server.http.QueryParams;
import dev.proofdesk.server.http.RouteModule;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.store.Ids;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Map;

/** {@code /v1/flows}: parse, call the environment's flow service, render. */
public final class FlowRoutes implements RouteModule {
    private final PerEnvironment<FlowService> flows;
    private final Bodies bodies;

    public FlowRoutes(PerEnvironment<FlowService> flows, Bodies bodies) {
        this.flows = flows;
        this.bodies = bodies;
    }

    @Override
    public String openApiFragment() {
        return "openapi/flows.json";
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.post("/v1/flows", guard.secured(flows, (ctx, caller, flows) -> ctx.status(201).json(
                flows.create(caller.accountId(), bodies.read(ctx, FlowInput.class)))));
        routes.get("/v1/flows", guard.secured(Pagination.QUERY, flows, (ctx, caller, flows) ->
            ctx.json(Pagination.page(Pagination.request(ctx), id -> flows.existsHere(caller.accountId(), id),
                    page -> flows.list(caller.accountId(), page.startingAfter(), page.fetchLimit())))));
        routes.post("/v1/flows/import", guard.secured(QueryParams.of("flowId"), flows, (ctx, caller, flows) -> {
            String into = ctx.queryParam("flowId");
            if (into != null) {
                id(into);
            }
            ctx.status(201).json(flows.importDefinition(caller.accountId(), bodies.read(ctx, FlowInput.class), into));
        }));
        routes.get("/v1/flows/{id}", guard.secured(flows, (ctx, caller, flows) ->
                ctx.json(flows.get(caller.accountId(), id(ctx)))));
        routes.post("/v1/flows/{id}", guard.secured(flows, (ctx, caller, flows) ->
                ctx.json(flows.update(caller.accountId(), id(ctx), bodies.read(ctx, FlowInput.class)))));
        routes.post("/v1/flows/{id}/publish", guard.secured(flows, (ctx, caller, flows) ->
                ctx.json(flows.publish(caller.accountId(), id(ctx)))));
        routes.post("/v1/flows/{id}/archive", guard.secured(flows, (ctx, caller, flows) ->
                ctx.json(flows.archive(caller.accountId(), id(ctx)))));
        routes.get("/v1/flows/{id}/versions", guard.secured(flows, (ctx, caller, flows) -> ctx.json(Map.of(
                "object", "list", "hasMore", false, "data", flows.versions(caller.accountId(), id(ctx))))));
        routes.get("/v1/flows/{id}/export", guard.secured(QueryParams.of("version"), flows, (ctx, caller, flows) ->
                ctx.json(flows.export(caller.accountId(), id(ctx), version(ctx)))));
    }

    private static String id(Context ctx) {
        return id(ctx.pathParam("id"));
    }

    private static String id(String id) {
        if (!Ids.isUuid(id)) {
            throw ApiException.validation("id", "'" + id + "' is not a flow id (a UUID)");
        }
        return id;
    }

    private static Integer version(Context ctx) {
        String raw = ctx.queryParam("version");
        if (raw == null) {
            return null;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ApiException.validation("version", "must be a version number such as 1");
        }
    }
}
