package dev.proofdesk.server.billing;

import dev.proofdesk.server.http.Guard;
import dev.proofdesk.server.http.PerEnvironment;
import dev.proofdesk.server.http.RouteModule;
import io.javalin.config.RoutesConfig;

/** {@code GET /v1/balance}: the live key's credits, or in test a note that billing does not apply. */
public final class BalanceRoutes implements RouteModule {
    private final PerEnvironment<Balances> balances;

    public BalanceRoutes(PerEnvironment<Balances> balances) {
        this.balances = balances;
    }

    @Override
    public String openApiFragment() {
        return "openapi/billing.json";
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.get("/v1/balance", guard.secured(balances, (ctx, caller, balances) ->
                ctx.json(balances.of(caller.accountId()))));
    }
}
