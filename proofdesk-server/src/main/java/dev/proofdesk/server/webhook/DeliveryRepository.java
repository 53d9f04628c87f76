package dev.proofdesk.server.webhook;

import dev.proofdesk.server.store.Dialect;
import dev.proofdesk.server.store.Ids;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The outbox of one environment: delivery rows and the attempts made for them. */
final class DeliveryRepository {
    private final Dialect dialect;

    DeliveryRepository(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Inserts one pending delivery per endpoint, due at {@code due}; runs inside the event's transaction. */
    List<String> insert(Handle h, String accountId, String eventId, List<String> endpointIds, List<Instant> due,
                        Instant now) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO webhook_deliveries (id, account_id, event_id, endpoint_id, status, attempts,
                                                next_attempt_at, created_at)
                VALUES (:id, :account, :event, :endpoint, 'pending', 0, :due, :now)""");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < endpointIds.size(); i++) {
            String id = Ids.newId();
            ids.add(id);
            batch.bind("id", id).bind("account", accountId).bind("event", eventId)
                    .bind("endpoint", endpointIds.get(i)).bind("due", due.get(i).toEpochMilli())
                    .bind("now", now.toEpochMilli()).add();
        }
        if (!ids.isEmpty()) {
            batch.execute();
        }
        return ids;
    }

    /**
     * Reserves up to {@code limit} due rows by moving them to the end of the lease. On PostgreSQL
     * concurrent claimers skip each other's locked rows; SQLite has a single dispatcher per file.
     */
    List<Claimed> claim(Handle h, Instant now, Instant leaseUntil, String token, int limit,
                        Collection<String> excludedEndpoints) {
        StringBuilder due = new StringBuilder("SELECT id FROM webhook_deliveries WHERE next_attempt_at <= :now");
        if (!excludedEndpoints.isEmpty()) {
            due.append(" AND endpoint_id NOT IN (<excluded>)");
        }
        due.append(" ORDER BY next_attempt_at LIMIT :limit").append(dialect.skipLocked());
        var query = h.createQuery("UPDATE webhook_deliveries SET next_attempt_at = :lease, lease_token = :token "
                        + "WHERE id IN (" + due + ") "
                        + "RETURNING id, account_id, event_id, endpoint_id, attempts")
                .bind("now", now.toEpochMilli()).bind("lease", leaseUntil.toEpochMilli())
                .bind("token", token).bind("limit", limit);
        if (!excludedEndpoints.isEmpty()) {
            query.bindList("excluded", List.copyOf(excludedEndpoints));
        }
        return query.map((rs, ctx) -> new Claimed(rs.getString("id"), rs.getString("account_id"),
                rs.getString("event_id"), rs.getString("endpoint_id"), rs.getInt("attempts"), token)).list();
    }

    /** Writes a batch of attempt results; a row whose lease was lost meanwhile keeps its new owner's state. */
    void complete(Handle h, List<Outcome> outcomes) {
        PreparedBatch update = h.prepareBatch("""
                UPDATE webhook_deliveries
                SET status = :status, attempts = attempts + :counted, next_attempt_at = :next, lease_token = NULL,
                    last_status_code = COALESCE(:code, last_status_code), last_error = :error,
                    last_attempt_at = COALESCE(:attemptAt, last_attempt_at)
                WHERE id = :id AND lease_token = :token""");
        PreparedBatch attempts = h.prepareBatch("""
                INSERT INTO webhook_attempts (id, delivery_id, endpoint_id, attempt, status_code, duration_ms,
                                              response_excerpt, error, next_retry_at, created_at)
                VALUES (:id, :delivery, :endpoint, :attempt, :code, :duration, :excerpt, :error, :next, :at)""");
        int attempted = 0;
        for (Outcome o : outcomes) {
            Long next = o.nextAttemptAt() == null ? null : o.nextAttemptAt().toEpochMilli();
            update.bind("status", o.status()).bind("counted", o.attempted() ? 1 : 0).bind("next", next)
                    .bind("code", o.statusCode()).bind("error", o.error())
                    .bind("attemptAt", o.attempted() ? o.at().toEpochMilli() : null)
                    .bind("id", o.deliveryId()).bind("token", o.leaseToken()).add();
            if (o.attempted()) {
                attempted++;
                attempts.bind("id", Ids.newId()).bind("delivery", o.deliveryId()).bind("endpoint", o.endpointId())
                        .bind("attempt", o.attempt()).bind("code", o.statusCode())
                        .bind("duration", o.durationMs()).bind("excerpt", o.responseExcerpt())
                        .bind("error", o.error()).bind("next", next).bind("at", o.at().toEpochMilli()).add();
            }
        }
        if (!outcomes.isEmpty()) {
            update.execute();
        }
        if (attempted > 0) {
            attempts.execute();
        }
    }

    /** Gives reserved rows back unattempted, due at {@code due}. */
    void release(Handle h, Collection<Claimed> claimed, Instant due) {
        PreparedBatch batch = h.prepareBatch("""
                UPDATE webhook_deliveries SET next_attempt_at = :now, lease_token = NULL
                WHERE id = :id AND lease_token = :token""");
        for (Claimed c : claimed) {
            batch.bind("now", due.toEpochMilli()).bind("id", c.id()).bind("token", c.leaseToken()).add();
        }
        if (!claimed.isEmpty()) {
            batch.execute();
        }
    }

    /** Holds an endpoint's waiting deliveries until {@code until} (after a timeout or a 429). */
    void hold(Handle h, String endpointId, Instant until) {
        h.createUpdate("""
                UPDATE webhook_deliveries SET next_attempt_at = :until
                WHERE endpoint_id = :endpoint AND next_attempt_at < :until AND lease_token IS NULL""")
                .bind("endpoint", endpointId).bind("until", until.toEpochMilli()).execute();
    }

    /** Stops every waiting delivery of an endpoint that was disabled. */
    void cancelPending(Handle h, String endpointId) {
        h.createUpdate("""
                UPDATE webhook_deliveries SET status = 'canceled', next_attempt_at = NULL, lease_token = NULL
                WHERE endpoint_id = :endpoint AND status = 'pending'""")
                .bind("endpoint", endpointId).execute();
    }

    /** Makes every reserved row due now; only safe where this process is the store's sole dispatcher. */
    int releaseAllLeases(Handle h, Instant now) {
        return h.createUpdate("""
                UPDATE webhook_deliveries SET next_attempt_at = :now, lease_token = NULL
                WHERE lease_token IS NOT NULL AND status = 'pending'""")
                .bind("now", now.toEpochMilli()).execute();
    }

    /** Deletes the deliveries of these events, with their attempts. */
    void deleteOfEvents(Handle h, List<String> eventIds) {
        h.createUpdate("""
                DELETE FROM webhook_attempts WHERE delivery_id IN
                    (SELECT id FROM webhook_deliveries WHERE event_id IN (<ids>))""")
                .bindList("ids", eventIds).execute();
        h.createUpdate("DELETE FROM webhook_deliveries WHERE event_id IN (<ids>)").bindList("ids", eventIds).execute();
    }
}
