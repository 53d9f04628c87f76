package dev.proofdesk.server.http;

import io.javalin.config.RoutesConfig;

/** A feature's routes; each feature package contributes one. */
@FunctionalInterface
public interface RouteModule {
    void register(RoutesConfig routes, Guard guard);

    /** The classpath resource with this module's part of the OpenAPI document, if it has one. */
    default String openApiFragment() {
        return null;
    }
}
