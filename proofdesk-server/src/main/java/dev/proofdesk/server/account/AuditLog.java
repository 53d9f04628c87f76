package dev.proofdesk.server.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.store.Ids;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Who changed keys, flows, endpoints and users; written in the transaction of the change. */
public final class AuditLog {
    private final Clock clock;
    private final ObjectMapper json;
    private final AuditRepository repository = new AuditRepository();

    public AuditLog(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    public void record(Handle controlHandle, String accountId, String actor, String action, String target,
                       Map<String, ?> details) {
        String text;
        try {
            text = json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        repository.insert(controlHandle, Ids.newId(), accountId, actor, action, target, text, clock.instant());
    }

    /** One recorded change: who ({@code actor}) did what ({@code action}) to which object ({@code target}). */
    public record Entry(String id, String actor, String action, String target, String details, Instant createdAt) {
    }

    /** Newest first, cursor-paginated by id. */
    public List<Entry> list(Handle controlHandle, String accountId, String startingAfter, int limit) {
        return repository.list(controlHandle, accountId, startingAfter, limit);
    }
}
