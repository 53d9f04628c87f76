package dev.proofdesk.server.http;

import dev.proofdesk.server.error.ApiException;
import io.javalin.http.Handler;

/** Checks that run before a WebSocket upgrade; a refusal answers with the error envelope and no upgrade. */
public final class Upgrades {
    private Upgrades() {
    }

    public static Handler refusable(Handler check) {
        return ctx -> {
            try {
                check.handle(ctx);
            } catch (ApiException e) {
                ErrorHandling.renderRefusedUpgrade(ctx, e);
                throw e;
            }
        };
    }
}
