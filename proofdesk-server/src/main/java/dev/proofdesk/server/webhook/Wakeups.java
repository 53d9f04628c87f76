package dev.proofdesk.server.webhook;

import dev.proofdesk.server.store.Dialect;
import dev.proofdesk.server.store.Environment;
import org.jdbi.v3.core.Handle;

/**
 * Wakes the dispatchers when new deliveries commit: this node's at once after the commit, other
 * nodes' through PostgreSQL {@code NOTIFY}, which is delivered only if the transaction commits.
 */
final class Wakeups {
    private final Dialect dialect;
    private final Environment environment;
    private final Runnable localWake;

    Wakeups(Dialect dialect, Environment environment, Runnable localWake) {
        this.dialect = dialect;
        this.environment = environment;
        this.localWake = localWake;
    }

    static String channel(Environment environment) {
        return "proofdesk_webhooks_" + environment.id();
    }

    void afterCommit(Handle h) {
        h.afterCommit(localWake);
        if (dialect == Dialect.POSTGRES) {
            h.execute("NOTIFY " + channel(environment));
        }
    }
}
