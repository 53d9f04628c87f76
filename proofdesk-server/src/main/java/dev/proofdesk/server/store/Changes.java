package dev.proofdesk.server.store;

import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells every process of a deployment that something it may keep in memory changed. A change is
 * announced inside the transaction that makes it and heard once that commits: here at once, and on
 * PostgreSQL by every node listening ({@code NOTIFY} on one channel, {@code LISTEN} on a connection
 * of each node's own), so a command run from the CLI reaches the servers too. A cache that trusts
 * announcements instead of asking the database asks {@link #reliable()} first: only while this
 * process listens can it not have missed one (SQLite has nobody to listen to, and commands do not
 * listen).
 */
public final class Changes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Changes.class);
    private static final String CHANNEL = "proofdesk_changes";
    private final Optional<String> jdbcUrl;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private volatile boolean running;
    private Thread thread;

    private Changes(Optional<String> jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public static Changes of(Database database) {
        return new Changes(database.postgresJdbcUrl());
    }

    /** Runs {@code listener} whenever {@code topic} may have changed, and whenever announcements may have been missed. */
    public void onChange(String topic, Runnable listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** In the transaction that changes {@code topic}: heard here and by every listening node after it commits. */
    public void announce(Handle h, String topic) {
        h.afterCommit(() -> heard(topic));
        if (jdbcUrl.isPresent()) {
            h.createQuery("SELECT pg_notify(:channel, :topic)::text").bind("channel", CHANNEL).bind("topic", topic)
                    .mapTo(String.class).one();
        }
    }

    /** Whether this process hears every announcement, its own and the other processes'. */
    public boolean reliable() {
        return listening;
    }

    /** Starts listening (a server); commands, which keep nothing in memory for long, do not. */
    public void start() {
        if (jdbcUrl.isEmpty()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("proofdesk-changes").start(this::listen);
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl.orElseThrow())) {
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                heardEverything(); // whatever changed while nobody listened, before trusting the cache again
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes != null) {
                        for (PGNotification note : notes) {
                            heard(note.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("lost the connection that hears changes from other nodes; caches ask the database "
                            + "until it is back", e);
                }
            } finally {
                listening = false;
            }
            pause();
        }
    }

    private void heard(String topic) {
        listeners.getOrDefault(topic, List.of()).forEach(Runnable::run);
    }

    private void heardEverything() {
        listeners.values().forEach(list -> list.forEach(Runnable::run));
    }

    private void pause() {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        listening = false;
        if (thread != null) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
