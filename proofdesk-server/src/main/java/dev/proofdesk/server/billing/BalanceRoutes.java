package dev.proofdesk.server.billing;

import dev.proofdesk.server.EnvironmentServices;
import dev.proofdesk.server.Environments;
import dev.proofdesk.server.http.Guard;
import dev.proofdesk.server.http.RouteModule;
import io.javalin.config.RoutesConfig;

/** {@code GET /v1/balance}: the live key's credits, or in test a note that billing does not apply. */
public final class BalanceRoutes implements RouteModule {
    private final Environments environments;

    public BalanceRoutes(Environments environments) {
        this.environments = environments;
    }

    @Override
    public String openApiFragment() {
        return "openapi/billing.json";
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.get("/v1/balance", guard.secured((ctx, caller) -> {
            EnvironmentServices env = environments.of(caller);
            ctx.json(env.credits()
                    .map(credits -> Balance.live(credits.balance(caller.accountId()),
                            env.sessions().reservedCredits(caller.accountId())))
                    .orElseGet(Balance::test));
        }));
    }
}
