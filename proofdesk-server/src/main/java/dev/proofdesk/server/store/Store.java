package dev.proofdesk.server.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One physical store: the control store or one environment's data store. Writes go through
 * {@link #write}, reads through {@link #read}; on SQLite they use different pools so that readers
 * never queue behind the single writer. The store opens (connects, and migrates when its schema is
 * behind) on first use, so a command pays only for the stores it touches.
 */
public final class Store {
    private final String name;
    private final Dialect dialect;
    private final Supplier<Connections> opener;
    private volatile Connections connections;
    private final Optional<Environment> environment;
    /**
     * Writers queue here in arrival order before asking the pool for a connection. The pool hands
     * a returned connection to whichever thread asks first, so under load a newcomer can overtake
     * a writer that has waited for seconds; with SQLite's single writer connection that made the
     * slowest creates wait up to the pool timeout while the median stayed fast. Only for a single
     * writer connection (SQLite), where a nested write could not run anyway; null otherwise.
     */
    private final Semaphore writers;
    private static final long WRITER_WAIT_SECONDS = 10;

    /** The two ways in: one writer (SQLite) or the same pool for both (PostgreSQL). */
    record Connections(Jdbi writer, Jdbi reader) {
    }

    Store(String name, Dialect dialect, Supplier<Connections> opener, Optional<Environment> environment,
          boolean singleWriter) {
        this.name = name;
        this.dialect = dialect;
        this.opener = opener;
        this.environment = environment;
        this.writers = singleWriter ? new Semaphore(1, true) : null;
    }

    public String name() {
        return name;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The environment this store holds, or empty for the control store. */
    public Optional<Environment> environment() {
        return environment;
    }

    /** Opens the store now, if it is not open yet: connects, and migrates its schema when behind. */
    public void open() {
        connections();
    }

    private Connections connections() {
        Connections open = connections;
        if (open == null) {
            synchronized (this) {
                open = connections;
                if (open == null) {
                    open = opener.get();
                    connections = open;
                }
            }
        }
        return open;
    }

    /** Runs the callback in one transaction; unique violations surface as {@link UniqueViolationException}. */
    public <T> T write(HandleCallback<T, RuntimeException> callback) {
        awaitWriterTurn();
        try {
            return connections().writer().inTransaction(callback);
        } catch (RuntimeException e) {
            if (dialect.isUniqueViolation(e)) {
                throw new UniqueViolationException(e);
            }
            throw e;
        } finally {
            if (writers != null) {
                writers.release();
            }
        }
    }

    /** Waits as long as the pool would wait for a connection, then fails the same way. */
    private void awaitWriterTurn() {
        if (writers == null) {
            return;
        }
        try {
            if (!writers.tryAcquire(WRITER_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("store " + name + ": no turn to write within "
                        + WRITER_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("store " + name + ": interrupted while waiting to write", e);
        }
    }

    /**
     * One statement committed on its own as it runs (autocommit, PostgreSQL): for a hot row that must
     * not stay locked across the round trips of a transaction.
     */
    public <T> T writeOneStatement(HandleCallback<T, RuntimeException> callback) {
        if (writers != null) {
            throw new IllegalStateException("store " + name + " has a single writer; use write()");
        }
        return connections().writer().withHandle(callback);
    }

    public void writeVoid(Consumer<Handle> callback) {
        write(h -> {
            callback.accept(h);
            return null;
        });
    }

    public <T> T read(HandleCallback<T, RuntimeException> callback) {
        return connections().reader().withHandle(callback);
    }
}
