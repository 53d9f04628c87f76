package dev.proofdesk.bench;

import dev.proofdesk.server.store.Ids;
import org.sqlite.SQLiteConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ceiling for session creation: plain JDBC committing one-row inserts (a row shaped like a
 * session) into the same database with the same concurrency. SQLite gets the server's settings
 * (WAL, synchronous=NORMAL, IMMEDIATE transactions) and, like the server, one writer connection
 * that the clients take in turn; PostgreSQL gets one connection per client.
 */
@Command(name = "raw-inserts", mixinStandardHelpOptions = true,
        description = "Commit one-row inserts with plain JDBC from N clients; report inserts/s and latency.")
final class RawInsertsCommand implements Callable<Integer> {
    private static final String TABLE = "bench_raw_inserts";

    @Mixin
    LoadOptions load;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--sqlite", paramLabel = "FILE", description = "SQLite database file, e.g. data/test.db")
        Path sqlite;

        @Option(names = "--jdbc-url", paramLabel = "URL",
                description = "PostgreSQL, e.g. jdbc:postgresql://127.0.0.1:5432/db?user=postgres&currentSchema=test")
        String jdbcUrl;
    }

    @Option(names = "--name", defaultValue = "raw-inserts", description = "Label of the result.")
    String name;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            int count = target.sqlite != null ? 1 : load.clients;
            for (int i = 0; i < count; i++) {
                connections.add(open());
            }
            try (Statement ddl = connections.getFirst().createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS " + TABLE);
                ddl.execute("CREATE TABLE " + TABLE + " (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, "
                        + "flow_id TEXT NOT NULL, flow_version_id TEXT NOT NULL, external_uuid TEXT, status TEXT NOT NULL, "
                        + "metadata TEXT, result TEXT, cost INTEGER NOT NULL, success_url TEXT, failure_url TEXT, "
                        + "created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, completed_at BIGINT, "
                        + "updated_at BIGINT NOT NULL)");
                connections.getFirst().commit();
            }
            ReentrantLock writer = new ReentrantLock(true);
            String account = Ids.newId();
            String flow = Ids.newId();
            LoadRun.Result result = LoadRun.run(load.clients, load.warmup, load.duration, load.rate, client -> {
                Connection c = connections.get(client % connections.size());
                boolean shared = connections.size() < load.clients;
                return () -> {
                    if (shared) {
                        writer.lock();
                    }
                    try {
                        insert(c, account, flow);
                        return null;
                    } finally {
                        if (shared) {
                            writer.unlock();
                        }
                    }
                };
            });
            try (Statement ddl = connections.getFirst().createStatement()) {
                ddl.execute("DROP TABLE " + TABLE);
                connections.getFirst().commit();
            }
            Report.print(spec.commandLine().getOut(), name, result);
            return result.failed() == 0 ? 0 : 1;
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private Connection open() throws SQLException {
        Connection c;
        if (target.sqlite != null) {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(10_000);
            config.enforceForeignKeys(true);
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            c = DriverManager.getConnection("jdbc:sqlite:" + target.sqlite.toAbsolutePath(), config.toProperties());
        } else {
            c = DriverManager.getConnection(target.jdbcUrl);
        }
        c.setAutoCommit(false);
        return c;
    }

    private static void insert(Connection c, String account, String flow) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (id, account_id, flow_id, "
                + "flow_version_id, status, cost, created_at, expires_at, updated_at) "
                + "VALUES (?, ?, ?, ?, 'pending', 10, ?, ?, ?)")) {
            insert.setString(1, Ids.newId());
            insert.setString(2, account);
            insert.setString(3, flow);
            insert.setString(4, flow);
            insert.setLong(5, now);
            insert.setLong(6, now + 3_600_000);
            insert.setLong(7, now);
            insert.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }
}
