package dev.proofdesk.server.http;

import dev.proofdesk.server.store.Environment;

/** One service per environment; the route layer picks the caller's, so handlers never choose. */
@FunctionalInterface
public interface PerEnvironment<S> {
    S of(Environment environment);
}
