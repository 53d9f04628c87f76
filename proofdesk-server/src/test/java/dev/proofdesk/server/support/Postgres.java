package dev.proofdesk.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/** Creates a fresh database on the machine's PostgreSQL for one test run, and drops it after. */
public final class Postgres {
    public static final String ADMIN_URL = System.getenv().getOrDefault("PROOFDESK_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private Postgres() {
    }

    /** Returns the JDBC URL of a new, empty database. */
    public static String freshDatabase() {
        String name = "proofdesk_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // best effort: the server may already be gone
            }
        }));
        return ADMIN_URL.replace("/postgres?", "/" + name + "?");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL)) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " is needed for the tests: " + e.getMessage(), e);
        }
    }
}
