package dev.proofdesk.server.http;

import dev.proofdesk.server.apikey.ApiKeyService;
import dev.proofdesk.server.apikey.Caller;
import dev.proofdesk.server.apikey.KeyKind;
import dev.proofdesk.server.error.ApiException;
import io.javalin.http.Context;

import java.util.Optional;

/** Bearer-key authentication at the edge; handlers read the result with {@link #caller}. */
public final class Auth {
    private static final String CALLER = "proofdesk.caller";
    private final ApiKeyService keys;

    public Auth(ApiKeyService keys) {
        this.keys = keys;
    }

    public Caller authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiException.unauthenticated("Missing API key. Send it as 'Authorization: Bearer sk_test_…'.");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthenticated("Use the Bearer scheme: 'Authorization: Bearer sk_test_…'.");
        }
        Caller caller = keys.authenticate(header.substring(7).trim());
        if (caller.kind() == KeyKind.PUBLISHABLE) {
            throw ApiException.forbidden("Publishable keys (pk_…) cannot call this endpoint; use a secret key "
                    + "(sk_…) from your server.");
        }
        ctx.attribute(CALLER, caller);
        return caller;
    }

    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("route registered without authentication: " + ctx.path());
        }
        return caller;
    }

    /** The caller if this request was authenticated with an API key. */
    public static Optional<Caller> maybeCaller(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CALLER));
    }
}
