package dev.proofdesk.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.proofdesk.server.config.ConfigException;
import dev.proofdesk.server.security.OwnerOnly;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * The control store and one data store per environment, physically separate: three SQLite files,
 * or three PostgreSQL schemas. Each store connects on first use and brings its schema up to date
 * before its first query; {@link #openAll()} does it for all of them at once.
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final Store control;
    private final Map<Environment, Store> environments;
    private final List<HikariDataSource> pools;
    private final Optional<String> postgresJdbcUrl;

    private Database(Dialect dialect, Store control, Map<Environment, Store> environments,
                     List<HikariDataSource> pools, Optional<String> postgresJdbcUrl) {
        this.dialect = dialect;
        this.control = control;
        this.environments = environments;
        this.pools = pools;
        this.postgresJdbcUrl = postgresJdbcUrl;
    }

    public static Database open(Optional<String> databaseUrl, Path dataDir, int poolSize) {
        return databaseUrl.map(url -> openPostgres(withoutErrorDetail(toJdbcUrl(url)), poolSize))
                .orElseGet(() -> openSqlite(dataDir, poolSize));
    }

    public Dialect dialect() {
        return dialect;
    }

    public Store control() {
        return control;
    }

    public Store environment(Environment environment) {
        return environments.get(environment);
    }

    /** Connects to (and migrates) every store now, so that a server fails at start, not at a first request. */
    public void openAll() {
        control.open();
        environments.values().forEach(Store::open);
    }

    /** The JDBC URL of the PostgreSQL database, for components that need their own connection. */
    public Optional<String> postgresJdbcUrl() {
        return postgresJdbcUrl;
    }

    /**
     * Runs {@code work} while no other process of this deployment runs work of the same name: under
     * an advisory lock on PostgreSQL, where several nodes share the stores; at once on SQLite.
     */
    public <T> T exclusively(String name, java.util.function.Supplier<T> work) {
        return postgresJdbcUrl.map(url -> AdvisoryLocks.exclusively(url, name, work)).orElseGet(work);
    }

    public boolean healthy() {
        try {
            control.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            for (Store store : environments.values()) {
                store.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
    }

    private static Database openSqlite(Path dataDir, int poolSize) {
        try {
            OwnerOnly.directory(dataDir, "control.db");
            OwnerOnly.sqliteDatabase(dataDir.resolve("control.db"));
            for (Environment env : Environment.values()) {
                OwnerOnly.sqliteDatabase(dataDir.resolve(env.id() + ".db"));
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot create the data directory " + dataDir.toAbsolutePath()
                    + " or its files (PROOFDESK_DATA_DIR / --data-dir): " + e.getMessage());
        }
        List<HikariDataSource> pools = new CopyOnWriteArrayList<>();
        Store control = sqliteStore("control", dataDir.resolve("control.db"), Optional.empty(), poolSize, pools);
        Map<Environment, Store> envs = new EnumMap<>(Environment.class);
        for (Environment env : Environment.values()) {
            envs.put(env, sqliteStore(env.id(), dataDir.resolve(env.id() + ".db"), Optional.of(env), poolSize, pools));
        }
        return new Database(Dialect.SQLITE, control, envs, pools, Optional.empty());
    }

    private static Store sqliteStore(String name, Path file, Optional<Environment> env, int readers,
                                     List<HikariDataSource> pools) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        return new Store(name, Dialect.SQLITE, () -> {
            // One writer connection: SQLite serialises writers anyway, and a queue in the pool is fairer
            // than SQLite's sleeping busy handler. IMMEDIATE transactions take the write lock up front,
            // so another process (the CLI) waits on busy_timeout instead of failing mid-transaction.
            HikariDataSource writer = pool(name + "-writer", url, 1, sqliteConfig(false), pools);
            Migrations.bringUpToDate(writer, migrations(env), null);
            HikariDataSource reader = pool(name + "-reader", url, readers, sqliteConfig(true), pools);
            return new Store.Connections(jdbi(writer), jdbi(reader));
        }, env, true);
    }

    private static Properties sqliteConfig(boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        if (!readOnly) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        return config.toProperties();
    }

    private static Jdbi jdbi(DataSource ds) {
        Jdbi jdbi = Jdbi.create(ds);
        // Queries with optional filters bind every parameter and mention only some.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutArguments);
        return jdbi;
    }

    /** A failed statement's message names the statement, never the values bound to it (they reach logs). */
    private static String withoutArguments(StatementException e) {
        String sql = e.getStatementContext() == null ? null : e.getStatementContext().getRawSql();
        if (sql == null) {
            return e.getShortMessage();
        }
        String flat = sql.replaceAll("\\s+", " ").strip();
        return e.getShortMessage() + " [statement: \"" + (flat.length() > 300 ? flat.substring(0, 300) + "…" : flat)
                + "\"]";
    }

    private static Database openPostgres(String jdbcUrl, int poolSize) {
        List<HikariDataSource> pools = new CopyOnWriteArrayList<>();
        Store control = postgresStore("control", Optional.empty(), jdbcUrl, poolSize, pools);
        Map<Environment, Store> envs = new EnumMap<>(Environment.class);
        for (Environment env : Environment.values()) {
            envs.put(env, postgresStore(env.id(), Optional.of(env), jdbcUrl, poolSize, pools));
        }
        return new Database(Dialect.POSTGRES, control, envs, pools, Optional.of(jdbcUrl));
    }

    private static Store postgresStore(String schema, Optional<Environment> env, String jdbcUrl, int size,
                                       List<HikariDataSource> pools) {
        return new Store(schema, Dialect.POSTGRES, () -> {
            HikariDataSource ds = pool(schema, jdbcUrl, size, new Properties(), pools, schema);
            Migrations.bringUpToDate(ds, migrations(env), schema,
                    migrate -> AdvisoryLocks.exclusively(jdbcUrl, "migrations", migrate));
            Jdbi jdbi = jdbi(ds);
            return new Store.Connections(jdbi, jdbi);
        }, env, false);
    }

    /**
     * Migration locations per store. Both environments share {@code db/environment}; the credit
     * ledger is in {@code db/live}, so the test store never has one. Version numbers are unique
     * across locations (the ledger is V4).
     */
    private static List<String> migrations(Optional<Environment> env) {
        if (env.isEmpty()) {
            return List.of("db/control");
        }
        return env.get() == Environment.LIVE ? List.of("db/environment", "db/live") : List.of("db/environment");
    }

    private static HikariDataSource pool(String name, String url, int size, Properties props,
                                         List<HikariDataSource> pools) {
        return pool(name, url, size, props, pools, null);
    }

    private static HikariDataSource pool(String name, String url, int size, Properties props,
                                         List<HikariDataSource> pools, String schema) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("proofdesk-" + name);
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setDataSourceProperties(props);
        config.setConnectionTimeout(10_000);
        if (schema != null) {
            config.setSchema(schema);
        }
        try {
            HikariDataSource ds = new HikariDataSource(config);
            pools.add(ds);
            return ds;
        } catch (RuntimeException e) {
            throw new ConfigException("Cannot connect to the database (PROOFDESK_DATABASE_URL / --database-url): "
                    + rootMessage(e) + ". Check that the server is running and the URL, user and database are right.");
        }
    }

    /**
     * The server's error details quote the statement's values (URLs, names, sealed secrets), and the
     * driver would copy them into exception messages and from there into logs. Appended last, so it
     * wins over the same parameter earlier in the URL.
     */
    static String withoutErrorDetail(String jdbcUrl) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "logServerErrorDetail=false";
    }

    /** Accepts {@code postgresql://user:pass@host:port/db?x=y} as well as a JDBC URL. */
    static String toJdbcUrl(String url) {
        if (url.startsWith("jdbc:")) {
            return url;
        }
        URI uri = URI.create(url);
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath());
        List<String> params = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            params.add(uri.getRawQuery());
        }
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            params.add("user=" + parts[0]);
            if (parts.length == 2) {
                params.add("password=" + parts[1]);
            }
        }
        if (!params.isEmpty()) {
            jdbc.append('?').append(String.join("&", params));
        }
        return jdbc.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
