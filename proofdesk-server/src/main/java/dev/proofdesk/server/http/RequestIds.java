package dev.proofdesk.server.http;

import dev.proofdesk.server.security.Crypto;
import io.javalin.http.Context;

/** Every response carries {@code X-Request-Id}, also quoted in error bodies and logs. */
public final class RequestIds {
    private static final String ATTRIBUTE = "proofdesk.requestId";

    private RequestIds() {
    }

    static String newId() {
        return "req_" + Crypto.randomBase62(24);
    }

    static void assign(Context ctx) {
        String id = newId();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header("X-Request-Id", id);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : "unknown";
    }
}
