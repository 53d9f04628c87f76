package dev.proofdesk.server.support;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.config.ServerConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several real server nodes in this JVM on one fresh PostgreSQL database, each with its own pools,
 * port, background jobs and dispatchers, started at the same moment as a deployment would start them.
 */
public final class Cluster implements AutoCloseable {
    private final String databaseUrl;
    private final Map<String, String> env;
    private final List<Application> nodes;

    private Cluster(String databaseUrl, Map<String, String> env, List<Application> nodes) {
        this.databaseUrl = databaseUrl;
        this.env = env;
        this.nodes = nodes;
    }

    /** {@code count} nodes started in parallel on a new database; {@code env} adds to the defaults. */
    public static Cluster start(int count, Map<String, String> env) throws Exception {
        Map<String, String> vars = new HashMap<>();
        vars.put("PROOFDESK_RATE_LIMIT_TEST", "0");
        vars.put("PROOFDESK_RATE_LIMIT_LIVE", "0");
        vars.put("PROOFDESK_RATE_LIMIT_HOLDER", "0");
        vars.put("PROOFDESK_RATE_LIMIT_HOLDER_ADDRESS", "0");
        vars.put("PROOFDESK_MASTER_KEY", MasterKeys.random());
        vars.putAll(env);
        String url = Postgres.freshDatabase();
        List<Application> nodes = new ArrayList<>();
        try (ExecutorService starters = Executors.newFixedThreadPool(count)) {
            List<Future<Application>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                started.add(starters.submit(() -> node(url, vars, Clock.systemUTC())));
            }
            for (Future<Application> f : started) {
                nodes.add(f.get());
            }
        }
        return new Cluster(url, Map.copyOf(vars), nodes);
    }

    private static Application node(String url, Map<String, String> vars, Clock clock) throws Exception {
        Path dir = Files.createTempDirectory("proofdesk-node");
        ServerConfig config = new ConfigLoader(vars).load(0, dir, url);
        return Application.open(config, clock).start();
    }

    /** One more node on this cluster's database, with its own clock and settings; close it when done. */
    public Application anotherNode(Clock clock, Map<String, String> extra) throws Exception {
        Map<String, String> vars = new HashMap<>(env);
        vars.putAll(extra);
        return node(databaseUrl, vars, clock);
    }

    /** The stores and services as a command of the command line opens them (no server); close it when done. */
    public Application command() throws Exception {
        ServerConfig config = new ConfigLoader(env).load(0, Files.createTempDirectory("proofdesk-cli"), databaseUrl);
        return Application.open(config, Clock.systemUTC());
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public String masterKey() {
        return env.get("PROOFDESK_MASTER_KEY");
    }

    public List<Application> nodes() {
        return nodes;
    }

    /** Plain HTTP to each node. */
    public List<HttpApi> http() {
        return nodes.stream().map(n -> new HttpApi(n.baseUrl())).toList();
    }

    /** A fresh account with a secret key per environment and {@code liveCredits} live credits. */
    public TestAccount newAccount(long liveCredits) {
        return TestServer.newAccount(nodes.getFirst(), liveCredits);
    }

    @Override
    public void close() {
        nodes.forEach(Application::close);
    }
}
