package dev.proofdesk.server.environment;

import dev.proofdesk.server.http.PerEnvironment;
import dev.proofdesk.server.store.Environment;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** The two environment bundles; the caller's key picks one. */
public final class Environments {
    private final Map<Environment, EnvironmentServices> byEnvironment;

    public Environments(EnvironmentServices test, EnvironmentServices live) {
        Map<Environment, EnvironmentServices> map = new EnumMap<>(Environment.class);
        map.put(Environment.TEST, test);
        map.put(Environment.LIVE, live);
        this.byEnvironment = map;
    }

    public EnvironmentServices of(Environment environment) {
        return byEnvironment.get(environment);
    }

    /** One part of every bundle, taken once, for routes that hand each handler its caller's part. */
    public <S> PerEnvironment<S> each(Function<EnvironmentServices, S> part) {
        Map<Environment, S> parts = new EnumMap<>(Environment.class);
        byEnvironment.forEach((env, services) -> parts.put(env, part.apply(services)));
        return parts::get;
    }
}
