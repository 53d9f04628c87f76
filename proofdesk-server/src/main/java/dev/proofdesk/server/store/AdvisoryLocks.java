package dev.proofdesk.server.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.zip.CRC32;

/**
 * PostgreSQL advisory locks of Proofdesk: the two-key form, with one namespace for every lock of
 * ours, so that {@code pg_locks} shows them as {@code classid = NAMESPACE, objid = id(name)}.
 */
public final class AdvisoryLocks {
    /** "Prf" + 1: the first key of every Proofdesk advisory lock. */
    public static final int NAMESPACE = 0x50726601;

    private AdvisoryLocks() {
    }

    /** The second key of the lock called {@code name}; stable across builds and nodes. */
    public static int id(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /**
     * Runs {@code work} while holding the lock {@code name} on a connection of its own, waiting for
     * any other holder first (e.g. another node migrating the same schema).
     */
    static void exclusively(String jdbcUrl, String name, Runnable work) {
        exclusively(jdbcUrl, name, () -> {
            work.run();
            return null;
        });
    }

    /** As above, returning what {@code work} returns. */
    static <T> T exclusively(String jdbcUrl, String name, java.util.function.Supplier<T> work) {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                lock.setInt(1, NAMESPACE);
                lock.setInt(2, id(name));
                lock.execute();
            }
            try {
                return work.get();
            } finally {
                call(c, "SELECT pg_advisory_unlock(?, ?)", name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the database lock for " + name + ": " + e.getMessage(), e);
        }
    }

    /** How many sessions hold the lock {@code name} in this database (shared locks: one per holder). */
    static int holders(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT COUNT(*) FROM pg_locks
                WHERE locktype = 'advisory' AND granted
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND classid::text::bigint = ? AND objid::text::bigint = ?""")) {
            st.setLong(1, Integer.toUnsignedLong(NAMESPACE));
            st.setLong(2, Integer.toUnsignedLong(id(name)));
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static boolean call(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setInt(1, NAMESPACE);
            st.setInt(2, id(name));
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
