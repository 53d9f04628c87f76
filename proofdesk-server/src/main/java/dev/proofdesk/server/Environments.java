package dev.proofdesk.server;

import dev.proofdesk.server.apikey.Caller;
import dev.proofdesk.server.store.Environment;

import java.util.EnumMap;
import java.util.Map;

/** The two environment bundles; the caller's key picks one. */
public final class Environments {
    private final Map<Environment, EnvironmentServices> byEnvironment;

    public Environments(EnvironmentServices test, EnvironmentServices live) {
        Map<Environment, EnvironmentServices> map = new EnumMap<>(Environment.class);
        map.put(Environment.TEST, test);
        map.put(Environment.LIVE, live);
        this.byEnvironment = map;
    }

    public EnvironmentServices of(Caller caller) {
        return byEnvironment.get(caller.environment());
    }

    public EnvironmentServices of(Environment environment) {
        return byEnvironment.get(environment);
    }
}
