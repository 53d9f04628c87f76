package dev.proofdesk.server.http;

import io.javalin.config.RoutesConfig;

import java.util.Optional;

/** A feature's routes; each feature package contributes one. */
@FunctionalInterface
public interface RouteModule {
    void register(RoutesConfig routes, Guard guard);

    /** The classpath resource with this module's part of the OpenAPI document, if it has one. */
    default String openApiFragment() {
        return null;
    }

    /** How this module's pages show errors, if it serves pages rather than API endpoints. */
    default Optional<ErrorPages> errorPages() {
        return Optional.empty();
    }
}
