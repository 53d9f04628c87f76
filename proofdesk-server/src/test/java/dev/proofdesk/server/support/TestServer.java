package dev.proofdesk.server.support;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.account.Account;
import dev.proofdesk.server.apikey.KeyKind;
import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.config.ServerConfig;
import dev.proofdesk.server.dashboard.user.Role;
import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.store.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * A real server on a real port, built through the same composition root as {@code proofdesk serve}.
 * One shared server per database for the whole run; tests isolate themselves by creating accounts.
 */
public final class TestServer implements AutoCloseable {
    private static final Map<Db, TestServer> SHARED = new EnumMap<>(Db.class);

    private final Application app;
    private final Db db;
    private final HttpApi http;

    private TestServer(Application app, Db db) {
        this.app = app;
        this.db = db;
        this.http = new HttpApi(app.baseUrl());
    }

    /** The shared server for this database, started on first use. */
    public static synchronized TestServer shared(Db db) {
        return SHARED.computeIfAbsent(db, d -> {
            TestServer server = start(d, Clock.systemUTC(), Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            return server;
        });
    }

    /** A private server, e.g. with a movable clock or other settings; close it when done. */
    public static TestServer start(Db db, Clock clock, Map<String, String> env) {
        Map<String, String> vars = new HashMap<>();
        vars.put("PROOFDESK_RATE_LIMIT_TEST", "0");
        vars.put("PROOFDESK_RATE_LIMIT_LIVE", "0");
        vars.put("PROOFDESK_RATE_LIMIT_HOLDER", "0");
        vars.put("PROOFDESK_RATE_LIMIT_HOLDER_ADDRESS", "0");
        if (db == Db.POSTGRES && !env.containsKey("PROOFDESK_MASTER_KEY_FILE")) {
            vars.put("PROOFDESK_MASTER_KEY", MasterKeys.random());
        }
        vars.putAll(env);
        ServerConfig config = new ConfigLoader(vars).load(0, tempDir(),
                db == Db.POSTGRES ? Postgres.freshDatabase() : null);
        return new TestServer(Application.open(config, clock).start(), db);
    }

    /**
     * Another node on this server's PostgreSQL database and master key, as a second machine of one
     * deployment would run; close it when done.
     */
    public TestServer anotherNode(Map<String, String> env) {
        Map<String, String> vars = new HashMap<>();
        vars.put("PROOFDESK_RATE_LIMIT_TEST", "0");
        vars.put("PROOFDESK_RATE_LIMIT_LIVE", "0");
        vars.put("PROOFDESK_RATE_LIMIT_HOLDER", "0");
        vars.put("PROOFDESK_RATE_LIMIT_HOLDER_ADDRESS", "0");
        // Nodes sharing a database share its master key.
        app.config().masterKey().ifPresent(key -> vars.put("PROOFDESK_MASTER_KEY", key));
        vars.putAll(env);
        ServerConfig config = new ConfigLoader(vars).load(0, app.config().dataDir(),
                app.config().databaseUrl().orElseThrow(() -> new IllegalStateException("nodes share PostgreSQL only")));
        return new TestServer(Application.open(config, app.clock()).start(), db);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("proofdesk-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Application app() {
        return app;
    }

    public Db db() {
        return db;
    }

    public HttpApi http() {
        return http;
    }

    public String baseUrl() {
        return app.baseUrl();
    }

    /** Live credits a new account starts with, so live sessions in tests are not refused with 402. */
    public static final long LIVE_CREDITS = 100_000;

    /** A fresh account with one secret key per environment and {@link #LIVE_CREDITS} live credits. */
    public TestAccount newAccount() {
        return newAccount(LIVE_CREDITS);
    }

    /** A fresh account with this many live credits (0 grants none, for billing tests). */
    public TestAccount newAccount(long liveCredits) {
        return newAccount(app, liveCredits);
    }

    /** A fresh account on any node (e.g. one of a {@link Cluster}), with this many live credits. */
    public static TestAccount newAccount(Application app, long liveCredits) {
        Account account = app.accounts().create("Test account");
        if (liveCredits > 0) {
            app.environment(Environment.LIVE).credits().orElseThrow()
                    .grant(account.id(), liveCredits, "test account", "tests");
        }
        String test = app.apiKeys().create(account.id(), Environment.TEST, KeyKind.SECRET, "test").secret();
        String live = app.apiKeys().create(account.id(), Environment.LIVE, KeyKind.SECRET, "test").secret();
        return new TestAccount(account.id(), test, live);
    }

    /** A dashboard user of the account with a known password. */
    public TestUser newUser(TestAccount account, Role role) {
        String email = role.id() + "-" + Crypto.randomBase62(10).toLowerCase() + "@example.com";
        String password = "correct horse " + Crypto.randomBase62(8);
        app.users().create(account.id(), email, role, password, "test");
        return new TestUser(email, password, role);
    }

    @Override
    public void close() {
        app.close();
    }
}
