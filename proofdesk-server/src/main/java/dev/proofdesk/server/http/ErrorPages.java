package dev.proofdesk.server.http;

import dev.proofdesk.server.error.ApiException;
import io.javalin.http.Context;

/**
 * Refusals and failures of the requests a person's browser makes (the dashboard, the hosted page),
 * rendered as an HTML page; the API keeps its JSON envelope.
 */
public interface ErrorPages {
    /** Whether this request is one of the module's pages. */
    boolean serves(Context ctx);

    void render(Context ctx, ApiException e);
}
