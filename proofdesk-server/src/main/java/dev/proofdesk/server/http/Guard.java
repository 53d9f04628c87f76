package dev.proofdesk.server.http;

import dev.proofdesk.server.apikey.Caller;
import dev.proofdesk.server.error.NotFoundException;
import dev.proofdesk.server.store.Environment;
import io.javalin.http.Handler;

import java.util.Map;

/**
 * Wraps API-key routes: authenticate, spend a token of the key's environment, refuse query
 * parameters the route does not take, honour {@code Idempotency-Key}, then run the handler with
 * the caller. A lookup that misses in the caller's environment is explained by the
 * {@link NotFoundTranslator} (the id may live in the other environment).
 */
public final class Guard {
    private final Auth auth;
    private final Map<Environment, RateLimiter> limiters;
    private final HolderLimits holderLimits;
    private final Idempotency idempotency;
    private final NotFoundTranslator notFound;

    public Guard(Auth auth, Map<Environment, RateLimiter> limiters, HolderLimits holderLimits,
                 Idempotency idempotency, NotFoundTranslator notFound) {
        this.auth = auth;
        this.limiters = Map.copyOf(limiters);
        this.holderLimits = holderLimits;
        this.idempotency = idempotency;
        this.notFound = notFound;
    }

    /**
     * A holder route (the session's client secret, path parameter {@code id}): limited per session
     * and per client address, no query parameters. The route checks the secret itself.
     */
    public Handler holder(Handler handler) {
        return ctx -> {
            holderLimits.acquire(ctx);
            QueryParams.NONE.check(ctx);
            handler.handle(ctx);
        };
    }

    /** The holder limits, for holder routes that render their own refusals (pages) or upgrade (WebSocket). */
    public HolderLimits holderLimits() {
        return holderLimits;
    }

    /** A route that takes no query parameters. */
    public Handler secured(SecuredHandler handler) {
        return secured(QueryParams.NONE, handler);
    }

    /** A route that takes no query parameters and gets the service of the caller's environment. */
    public <S> Handler secured(PerEnvironment<S> services, EnvironmentHandler<S> handler) {
        return secured(QueryParams.NONE, services, handler);
    }

    /** A route that takes these query parameters and gets the service of the caller's environment. */
    public <S> Handler secured(QueryParams query, PerEnvironment<S> services, EnvironmentHandler<S> handler) {
        return secured(query, (ctx, caller) -> handler.handle(ctx, caller, services.of(caller.environment())));
    }

    /** A route that takes these query parameters and no others. */
    public Handler secured(QueryParams query, SecuredHandler handler) {
        return ctx -> {
            Caller caller = auth.authenticate(ctx);
            limiters.get(caller.environment()).acquire(caller.keyId());
            query.check(ctx);
            if (idempotency.before(ctx, caller)) {
                return;
            }
            try {
                handler.handle(ctx, caller);
            } catch (NotFoundException e) {
                throw notFound.translate(caller.environment(), caller.accountId(), e);
            }
        };
    }
}
