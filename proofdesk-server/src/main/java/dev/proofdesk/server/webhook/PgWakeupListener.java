package dev.proofdesk.server.webhook;

import dev.proofdesk.server.store.Environment;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Listens on PostgreSQL for deliveries committed by any node and wakes this node's dispatchers, so
 * that several nodes sharing a database react at once instead of at their next poll.
 */
public final class PgWakeupListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgWakeupListener.class);
    private final String jdbcUrl;
    private final Map<Environment, Runnable> wakers;
    private volatile boolean running = true;
    private final Thread thread;

    public PgWakeupListener(String jdbcUrl, Map<Environment, Runnable> wakers) {
        this.jdbcUrl = jdbcUrl;
        this.wakers = Map.copyOf(wakers);
        this.thread = Thread.ofPlatform().daemon().name("webhook-pg-listen").unstarted(this::loop);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
                try (Statement st = connection.createStatement()) {
                    for (Environment env : wakers.keySet()) {
                        st.execute("LISTEN " + Wakeups.channel(env));
                    }
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes == null) {
                        continue;
                    }
                    for (PGNotification note : notes) {
                        wakers.forEach((env, wake) -> {
                            if (Wakeups.channel(env).equals(note.getName())) {
                                wake.run();
                            }
                        });
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("webhook wake-up listener lost its connection; polling covers the gap", e);
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
