package dev.proofdesk.server.http;

import dev.proofdesk.server.apikey.Caller;
import io.javalin.http.Context;

/**
 * A handler for an authenticated caller that receives the service of the caller's environment,
 * chosen once by {@link Guard} from the key.
 */
@FunctionalInterface
public interface EnvironmentHandler<S> {
    void handle(Context ctx, Caller caller, S service) throws Exception;
}
