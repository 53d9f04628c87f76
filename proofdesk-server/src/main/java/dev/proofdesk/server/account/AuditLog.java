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

    public AuditLog(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    public void record(Handle controlHandle, String accountId, String actor, String action, String target,
                       Map<String, ?> details) {
        try {
            controlHandle.createUpdate("""
                    INSERT INTO audit_log (id, account_id, actor, action, target, details, created_at)
                    VALUES (:id, :account, :actor, :action, :target, :details, :at)""")
                    .bind("id", Ids.newId())
                    .bind("account", accountId)
                    .bind("actor", actor)
                    .bind("action", action)
                    .bind("target", target)
                    .bind("details", json.writeValueAsString(details))
                    .bind("at", clock.millis())
                    .execute();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One recorded change: who ({@code actor}) did what ({@code action}) to which object ({@code target}). */
    public record Entry(String id, String actor, String action, String target, String details, Instant createdAt) {
    }

    /** Newest first, cursor-paginated by id. */
    public List<Entry> list(Handle controlHandle, String accountId, String startingAfter, int limit) {
        return controlHandle.createQuery("SELECT * FROM audit_log WHERE account_id = :account"
                        + (startingAfter != null ? " AND id < :after" : "") + " ORDER BY id DESC LIMIT :limit")
                .bind("account", accountId).bind("after", startingAfter).bind("limit", limit)
                .map((rs, ctx) -> new Entry(rs.getString("id"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target"), rs.getString("details"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }
}
