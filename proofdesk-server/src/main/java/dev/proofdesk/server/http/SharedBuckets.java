package dev.proofdesk.server.http;

import dev.proofdesk.server.store.Store;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Token buckets that every node of a cluster shares, one row each in the control store's
 * {@code rate_limits} table (PostgreSQL), taken with one UPSERT per request: the row lock makes
 * concurrent takers from any node queue for the microseconds of the statement, so a limit of 100
 * per second is 100 per second for the cluster. Time is the database's clock, one clock for every
 * node, so nodes whose clocks drift apart cannot mint extra tokens.
 */
public final class SharedBuckets implements RateLimiter.Buckets {
    /** Buckets untouched this long are full again and can go. */
    private static final Duration IDLE = Duration.ofHours(1);
    private static final String NOW_MILLIS = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint";
    private static final String REFILLED = "LEAST(:burst, r.tokens + GREATEST(0, EXCLUDED.updated_at - r.updated_at) "
            + "* :rate / 1000)";
    private final Store control;
    private final String scope;

    /** Buckets of one limiter, e.g. {@code api_live}; {@code scope} keeps different limiters' keys apart. */
    public SharedBuckets(Store control, String scope) {
        this.control = control;
        this.scope = scope;
    }

    @Override
    public OptionalLong take(String key, double perSecond, double burst) {
        // One statement, so the row is locked only while it runs, and committed without waiting for the
        // WAL flush (the lock lasts until then): otherwise one key would get through only as often as
        // the disk syncs. A bucket lost in a database crash costs nothing.
        Taken taken = control.writeOneStatement(h -> h.createQuery("""
                        INSERT INTO rate_limits AS r (bucket, tokens, granted, updated_at)
                        SELECT :bucket, :burst - 1, TRUE, %s
                        FROM (SELECT set_config('synchronous_commit', 'off', true)) AS asynchronous
                        ON CONFLICT (bucket) DO UPDATE SET
                            tokens = %s - CASE WHEN %s >= 1 THEN 1 ELSE 0 END,
                            granted = %s >= 1,
                            updated_at = GREATEST(r.updated_at, EXCLUDED.updated_at)
                        RETURNING granted, tokens""".formatted(NOW_MILLIS, REFILLED, REFILLED, REFILLED))
                .bind("bucket", scope + ":" + key).bind("burst", burst).bind("rate", perSecond)
                .map((rs, ctx) -> new Taken(rs.getBoolean("granted"), rs.getDouble("tokens"))).one());
        if (taken.granted()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - taken.tokens()) / perSecond)));
    }

    private record Taken(boolean granted, double tokens) {
    }

    /** Drops the buckets nobody used for an hour (they would be full anyway); returns how many. */
    public static int purgeIdle(Store control) {
        return control.write(h -> h.createUpdate("DELETE FROM rate_limits WHERE updated_at < " + NOW_MILLIS
                        + " - :idle")
                .bind("idle", IDLE.toMillis()).execute());
    }
}
