package dev.proofdesk.server.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Rows;
import dev.proofdesk.server.store.Store;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The events of one environment. Appends happen inside the caller's transaction. */
public final class EventLog {
    private final Store store;
    private final Environment environment;
    private final Clock clock;
    private final ObjectMapper json;
    private final List<EventSink> sinks = new CopyOnWriteArrayList<>();

    public EventLog(Store store, Clock clock, ObjectMapper json) {
        this.store = store;
        this.environment = store.environment().orElseThrow();
        this.clock = clock;
        this.json = json;
    }

    /** Sinks are registered while the application is assembled, before it serves requests. */
    public void addSink(EventSink sink) {
        sinks.add(sink);
    }

    public Store store() {
        return store;
    }

    public Environment environment() {
        return environment;
    }

    public Event append(Handle h, String accountId, String type, Object data) {
        Event event = new Event(Ids.newId(), accountId, type, Instant.ofEpochMilli(clock.millis()),
                environment.livemode(), json.valueToTree(data));
        try {
            h.createUpdate("""
                    INSERT INTO events (id, account_id, type, data, created_at)
                    VALUES (:id, :account, :type, :data, :at)""")
                    .bind("id", event.id())
                    .bind("account", accountId)
                    .bind("type", type)
                    .bind("data", json.writeValueAsString(event.data()))
                    .bind("at", event.createdAt().toEpochMilli())
                    .execute();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (EventSink sink : sinks) {
            sink.onAppend(h, event);
        }
        return event;
    }

    public Optional<Event> find(String accountId, String id) {
        return store.read(h -> h.createQuery("SELECT * FROM events WHERE id = :id AND account_id = :account")
                .bind("id", id).bind("account", accountId).map((rs, ctx) -> map(rs)).findOne());
    }

    /** The events with these ids, in any order; for readers that already hold a handle. */
    public List<Event> byIds(Handle h, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT * FROM events WHERE id IN (<ids>)").bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> map(rs)).list();
    }

    /** Newest first, cursor-paginated by id; {@code type} may be null. */
    public List<Event> list(String accountId, String type, String startingAfter, int limit) {
        String sql = "SELECT * FROM events WHERE account_id = :account"
                + (type != null ? " AND type = :type" : "")
                + (startingAfter != null ? " AND id < :after" : "")
                + " ORDER BY id DESC LIMIT :limit";
        return store.read(h -> {
            var query = h.createQuery(sql).bind("account", accountId).bind("limit", limit);
            if (type != null) {
                query.bind("type", type);
            }
            if (startingAfter != null) {
                query.bind("after", startingAfter);
            }
            return query.map((rs, ctx) -> map(rs)).list();
        });
    }

    public Event map(ResultSet rs) throws SQLException {
        try {
            JsonNode data = json.readTree(rs.getString("data"));
            return new Event(rs.getString("id"), rs.getString("account_id"), rs.getString("type"),
                    Rows.requiredInstant(rs, "created_at"), environment.livemode(), data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event " + rs.getString("id") + " is not JSON", e);
        }
    }
}
