package dev.proofdesk.server.event;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Events in one environment's store; {@code session_id} indexes the events whose data is a session. */
final class EventRepository {
    private final RowMapper<Event> mapper;

    EventRepository(RowMapper<Event> mapper) {
        this.mapper = mapper;
    }

    void insert(Handle h, Event event, String data, String sessionId) {
        h.createUpdate("""
                INSERT INTO events (id, account_id, type, data, created_at, session_id)
                VALUES (:id, :account, :type, :data, :at, :session)""")
                .bind("id", event.id()).bind("account", event.accountId()).bind("type", event.type())
                .bind("data", data).bind("at", event.createdAt().toEpochMilli()).bind("session", sessionId)
                .execute();
    }

    Optional<Event> find(Handle h, String accountId, String id) {
        return h.createQuery("SELECT * FROM events WHERE id = :id AND account_id = :account")
                .bind("id", id).bind("account", accountId).map(mapper).findOne();
    }

    List<Event> byIds(Handle h, Collection<String> ids) {
        return h.createQuery("SELECT * FROM events WHERE id IN (<ids>)").bindList("ids", List.copyOf(ids))
                .map(mapper).list();
    }

    /** Newest first, cursor-paginated by id; a null filter does not filter. */
    List<Event> list(Handle h, String accountId, String type, Instant createdAfter, boolean deliveryFailed,
                     String startingAfter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM events WHERE account_id = :account");
        if (type != null) {
            sql.append(" AND type = :type");
        }
        if (createdAfter != null) {
            sql.append(" AND created_at > :after");
        }
        if (deliveryFailed) {
            // a delivery whose latest attempt failed: still retrying, or given up
            sql.append(" AND EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = events.id"
                    + " AND (d.status = 'failed' OR (d.status = 'pending' AND d.attempts > 0)))");
        }
        if (startingAfter != null) {
            sql.append(" AND id < :cursor");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        return h.createQuery(sql.toString())
                .bind("account", accountId).bind("type", type)
                .bind("after", createdAfter == null ? null : createdAfter.toEpochMilli())
                .bind("cursor", startingAfter).bind("limit", limit)
                .map(mapper).list();
    }

    /** The events about one session, oldest first. */
    List<Event> ofSession(Handle h, String accountId, String sessionId, int limit) {
        return h.createQuery("""
                        SELECT * FROM events WHERE session_id = :session AND account_id = :account
                        ORDER BY id LIMIT :limit""")
                .bind("session", sessionId).bind("account", accountId).bind("limit", limit)
                .map(mapper).list();
    }

    /** Events created after {@code sinceMillis}, oldest first. */
    List<Event> createdAfter(Handle h, String accountId, long sinceMillis, int limit) {
        return h.createQuery("""
                        SELECT * FROM events WHERE account_id = :account AND created_at > :since
                        ORDER BY created_at, id LIMIT :limit""")
                .bind("account", accountId).bind("since", sinceMillis).bind("limit", limit)
                .map(mapper).list();
    }

    /** Ids of the oldest events created before {@code cutoffMillis}, across accounts. */
    List<String> idsCreatedBefore(Handle h, long cutoffMillis, int limit) {
        return h.createQuery("SELECT id FROM events WHERE created_at < :cutoff ORDER BY created_at LIMIT :n")
                .bind("cutoff", cutoffMillis).bind("n", limit).mapTo(String.class).list();
    }

    void delete(Handle h, List<String> ids) {
        h.createUpdate("DELETE FROM events WHERE id IN (<ids>)").bindList("ids", ids).execute();
    }
}
