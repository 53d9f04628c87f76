package dev.proofdesk.server.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Periodic work that one node at a time does (expiring sessions, purging old events). On
 * PostgreSQL each job is a session-level advisory lock held on a connection of its own: the node
 * holding it does the work and the others skip it. When the holder dies its connection closes and
 * the lock goes with it, so the next node to try, at its next interval, takes over. Without a
 * shared database (SQLite: one server per data directory) every job simply runs.
 */
public final class Singletons implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Singletons.class);
    private final Optional<String> jdbcUrl;
    private final Set<String> held = new HashSet<>();
    private Connection connection;
    private boolean member;

    private Singletons(Optional<String> jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** For this database: advisory locks on PostgreSQL, always the holder on SQLite. */
    public static Singletons of(Database database) {
        return new Singletons(database.postgresJdbcUrl());
    }

    /** Runs {@code work} when this node holds (or now takes) the job's lock; false when another node does. */
    public boolean runAlone(String job, Runnable work) {
        if (!holds(job)) {
            return false;
        }
        work.run();
        return true;
    }

    /**
     * How many nodes are up on this database, this one included: each holds a shared advisory lock
     * on its connection, which goes when the node does. 1 without a shared database, or when the
     * database cannot be asked.
     */
    public synchronized int nodes() {
        if (jdbcUrl.isEmpty()) {
            return 1;
        }
        try {
            connect();
            if (!member) {
                member = AdvisoryLocks.call(connection, "SELECT pg_try_advisory_lock_shared(?, ?)", "nodes");
            }
            return Math.max(1, AdvisoryLocks.holders(connection, "nodes"));
        } catch (SQLException e) {
            LOG.warn("cannot count the nodes on the database", e);
            drop();
            return 1;
        }
    }

    private void connect() throws SQLException {
        if (connection == null || !connection.isValid(5)) {
            // A new connection holds nothing: whatever the old one held was released with it.
            drop();
            connection = DriverManager.getConnection(jdbcUrl.get());
            connection.setClientInfo("ApplicationName", "proofdesk-singletons");
            try (var st = connection.createStatement()) {
                // A node cut off by the network (not killed: its socket never closes) is found dead, and
                // its locks freed, within about 25 s instead of the system's default of hours.
                st.execute("SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; "
                        + "SET tcp_keepalives_count = 3");
            }
        }
    }

    private synchronized boolean holds(String job) {
        if (jdbcUrl.isEmpty()) {
            return true;
        }
        try {
            connect();
            if (!held.contains(job) && AdvisoryLocks.call(connection, "SELECT pg_try_advisory_lock(?, ?)", job)) {
                held.add(job);
                LOG.info("this node now runs the periodic job '{}' for the cluster", job);
            }
            return held.contains(job);
        } catch (SQLException e) {
            LOG.warn("cannot reach the database to run '{}'; another node may take it over", job, e);
            drop();
            return false;
        }
    }

    private void drop() {
        held.clear();
        member = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    /** Releases every job (the connection closes), so another node takes them at its next interval. */
    @Override
    public synchronized void close() {
        drop();
    }
}
