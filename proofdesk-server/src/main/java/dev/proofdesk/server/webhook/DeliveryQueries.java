package dev.proofdesk.server.webhook;

import dev.proofdesk.server.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read side of the outbox for the API: an endpoint's deliveries with their attempts. */
final class DeliveryQueries {

    private record Row(String id, String eventId, String type, String endpointId, String status, int attempts,
                       Long next, Instant created) {
    }

    private static final String SELECT = """
            SELECT d.id, d.event_id, e.type, d.endpoint_id, d.status, d.attempts, d.next_attempt_at, d.lease_token,
                   d.created_at
            FROM webhook_deliveries d JOIN events e ON e.id = d.event_id""";

    List<DeliveryView> forEndpoint(Handle h, String endpointId, String startingAfter, int limit, Instant now) {
        return views(h, h.createQuery(SELECT + " WHERE d.endpoint_id = :endpoint"
                        + (startingAfter != null ? " AND d.id < :after" : "") + " ORDER BY d.id DESC LIMIT :limit")
                .bind("endpoint", endpointId).bind("after", startingAfter).bind("limit", limit), now);
    }

    boolean exists(Handle h, String endpointId, String deliveryId) {
        return h.createQuery("SELECT COUNT(*) FROM webhook_deliveries WHERE id = :id AND endpoint_id = :endpoint")
                .bind("id", deliveryId).bind("endpoint", endpointId).mapTo(Integer.class).one() > 0;
    }

    /** Every delivery of these events (of one account's events: the caller has checked them), newest first. */
    List<DeliveryView> forEvents(Handle h, List<String> eventIds, Instant now) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return views(h, h.createQuery(SELECT + " WHERE d.event_id IN (<events>) ORDER BY d.id DESC")
                .bindList("events", eventIds), now);
    }

    private List<DeliveryView> views(Handle h, Query query, Instant now) {
        List<Row> rows = query
                .map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("event_id"), rs.getString("type"),
                        rs.getString("endpoint_id"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("lease_token") != null ? null
                                : Rows.instant(rs, "next_attempt_at").map(Instant::toEpochMilli).orElse(null),
                        Rows.requiredInstant(rs, "created_at")))
                .list();
        Map<String, List<DeliveryView.AttemptView>> attempts = new HashMap<>();
        if (!rows.isEmpty()) {
            h.createQuery("SELECT * FROM webhook_attempts WHERE delivery_id IN (<ids>) ORDER BY attempt DESC")
                    .bindList("ids", rows.stream().map(Row::id).toList())
                    .map((rs, ctx) -> Map.entry(rs.getString("delivery_id"), new DeliveryView.AttemptView(
                            rs.getInt("attempt"), statusCode(rs),
                            rs.getLong("duration_ms"), rs.getString("response_excerpt"), rs.getString("error"),
                            Rows.instant(rs, "next_retry_at").orElse(null), Rows.requiredInstant(rs, "created_at"))))
                    .forEach(e -> attempts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return rows.stream().map(r -> new DeliveryView(r.id(), r.eventId(), r.type(), r.endpointId(), r.status(),
                r.attempts(), r.next() == null ? null : Instant.ofEpochMilli(Math.max(r.next(), now.toEpochMilli())),
                r.created(), attempts.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Integer statusCode(ResultSet rs) throws SQLException {
        int code = rs.getInt("status_code");
        return rs.wasNull() ? null : code;
    }
}
