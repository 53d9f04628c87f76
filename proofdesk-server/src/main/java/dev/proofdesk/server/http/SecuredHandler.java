package dev.proofdesk.server.http;

import dev.proofdesk.server.apikey.Caller;
import io.javalin.http.Context;

/** A handler that runs only for an authenticated, rate-limited caller. */
@FunctionalInterface
public interface SecuredHandler {
    void handle(Context ctx, Caller caller) throws Exception;
}
