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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The events of one environment. Appends happen inside the caller's transaction. */
public final class EventLog {
    private final Store store;
    private final Environment environment;
    private final Clock clock;
    private final ObjectMapper json;
    private final EventRepository repository = new EventRepository((rs, ctx) -> map(rs));
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

    public Event append(Handle h, String accountId, EventType type, Object data) {
        Event event = new Event(Ids.newId(), accountId, type.id(), clock.instant(), environment.livemode(),
                json.valueToTree(data));
        String text;
        try {
            text = json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        repository.insert(h, event, text, type.aboutSession() ? event.data().path("id").asText(null) : null);
        for (EventSink sink : sinks) {
            sink.onAppend(h, event);
        }
        return event;
    }

    public Optional<Event> find(String accountId, String id) {
        return store.read(h -> repository.find(h, accountId, id));
    }

    /** The events with these ids, in any order; for readers that already hold a handle. */
    public List<Event> byIds(Handle h, Collection<String> ids) {
        return ids.isEmpty() ? List.of() : repository.byIds(h, ids);
    }

    /** Newest first, cursor-paginated by id; {@code type} may be null. */
    public List<Event> list(String accountId, String type, String startingAfter, int limit) {
        return list(accountId, type, null, false, startingAfter, limit);
    }

    /**
     * Newest first, cursor-paginated by id: of one type (or any, for null), created after a time (or
     * ever, for null), and with {@code deliveryFailed} only those with a webhook delivery that failed.
     */
    public List<Event> list(String accountId, String type, Instant createdAfter, boolean deliveryFailed,
                            String startingAfter, int limit) {
        return store.read(h -> repository.list(h, accountId, type, createdAfter, deliveryFailed, startingAfter,
                limit));
    }

    /** What happened to one session (created, completed, expired, canceled), oldest first. */
    public List<Event> ofSession(String accountId, String sessionId, int limit) {
        return store.read(h -> repository.ofSession(h, accountId, sessionId, limit));
    }

    /** Events created after {@code sinceMillis}, oldest first. */
    public List<Event> createdAfter(String accountId, long sinceMillis, int limit) {
        return store.read(h -> repository.createdAfter(h, accountId, sinceMillis, limit));
    }

    /** Ids of the oldest events created before {@code cutoff}, for the retention sweep. */
    public List<String> idsCreatedBefore(Handle h, Instant cutoff, int limit) {
        return repository.idsCreatedBefore(h, cutoff.toEpochMilli(), limit);
    }

    /** Deletes events whose deliveries are already gone. */
    public void delete(Handle h, List<String> ids) {
        repository.delete(h, ids);
    }

    private Event map(ResultSet rs) throws SQLException {
        try {
            JsonNode data = json.readTree(rs.getString("data"));
            return new Event(rs.getString("id"), rs.getString("account_id"), rs.getString("type"),
                    Rows.requiredInstant(rs, "created_at"), environment.livemode(), data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event " + rs.getString("id") + " is not JSON", e);
        }
    }
}
