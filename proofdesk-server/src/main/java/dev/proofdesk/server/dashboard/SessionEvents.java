package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.event.Event;
import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.session.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The events about one session. Event ids are UUIDv7, so the session's lifetime bounds them to a
 * short range of the (account, id) index; only that range is searched for the session's id.
 */
final class SessionEvents {
    private static final int LIMIT = 50;
    private static final Duration SLACK = Duration.ofMinutes(5);

    private SessionEvents() {
    }

    static List<Event> of(EventLog events, String accountId, Session session) {
        Instant end = session.completedAt() != null ? session.completedAt() : session.expiresAt();
        Instant until = end.isAfter(Instant.now()) ? end : end.plus(SLACK);
        return events.store().read(h -> h.createQuery("""
                        SELECT * FROM events WHERE account_id = :account AND id >= :from AND id < :to
                          AND data LIKE :needle ORDER BY id LIMIT :limit""")
                .bind("account", accountId)
                .bind("from", SessionStats.lowestId(session.createdAt().minusSeconds(1).toEpochMilli()))
                .bind("to", SessionStats.lowestId(until.plus(SLACK).toEpochMilli()))
                .bind("needle", "%\"id\":\"" + session.id() + "\"%")
                .bind("limit", LIMIT)
                .map((rs, ctx) -> events.map(rs)).list());
    }
}
