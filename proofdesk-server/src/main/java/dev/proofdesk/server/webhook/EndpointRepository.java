package dev.proofdesk.server.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.store.Rows;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints in one environment's store. */
final class EndpointRepository {
    private final ObjectMapper json;

    EndpointRepository(ObjectMapper json) {
        this.json = json;
    }

    void insert(Handle h, Endpoint e) {
        h.createUpdate("""
                INSERT INTO webhook_endpoints (id, account_id, url, description, enabled_events, status, secret,
                                               created_at, updated_at)
                VALUES (:id, :account, :url, :description, :events, :status, :secret, :created, :created)""")
                .bind("id", e.id()).bind("account", e.accountId()).bind("url", e.url())
                .bind("description", e.description()).bind("events", write(e.enabledEvents()))
                .bind("status", e.status()).bind("secret", e.sealedSecret())
                .bind("created", e.createdAt().toEpochMilli()).execute();
    }

    void update(Handle h, Endpoint e) {
        h.createUpdate("""
                UPDATE webhook_endpoints SET url = :url, description = :description, enabled_events = :events,
                       status = :status, disabled_reason = :reason, secret = :secret, previous_secret = :previous,
                       previous_secret_until = :previousUntil, failing_since = :failing, updated_at = :updated
                WHERE id = :id""")
                .bind("id", e.id()).bind("url", e.url()).bind("description", e.description())
                .bind("events", write(e.enabledEvents())).bind("status", e.status())
                .bind("reason", e.disabledReason()).bind("secret", e.sealedSecret())
                .bind("previous", e.sealedPreviousSecret())
                .bind("previousUntil", millis(e.previousSecretUntil()))
                .bind("failing", millis(e.failingSince()))
                .bind("updated", e.updatedAt().toEpochMilli()).execute();
    }

    Optional<Endpoint> find(Handle h, String accountId, String id) {
        return h.createQuery("SELECT * FROM webhook_endpoints WHERE id = :id AND account_id = :account")
                .bind("id", id).bind("account", accountId).map((rs, ctx) -> map(rs)).findOne();
    }

    Optional<Endpoint> findForUpdate(Handle h, String accountId, String id, String lockClause) {
        return h.createQuery("SELECT * FROM webhook_endpoints WHERE id = :id AND account_id = :account" + lockClause)
                .bind("id", id).bind("account", accountId).map((rs, ctx) -> map(rs)).findOne();
    }

    List<Endpoint> byIds(Handle h, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT * FROM webhook_endpoints WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).map((rs, ctx) -> map(rs)).list();
    }

    List<Endpoint> enabledFor(Handle h, String accountId) {
        return h.createQuery("SELECT * FROM webhook_endpoints WHERE account_id = :account AND status = 'enabled'")
                .bind("account", accountId).map((rs, ctx) -> map(rs)).list();
    }

    List<Endpoint> list(Handle h, String accountId, String startingAfter, int limit) {
        return h.createQuery("SELECT * FROM webhook_endpoints WHERE account_id = :account"
                        + (startingAfter != null ? " AND id < :after" : "") + " ORDER BY id DESC LIMIT :limit")
                .bind("account", accountId).bind("after", startingAfter).bind("limit", limit)
                .map((rs, ctx) -> map(rs)).list();
    }

    boolean exists(Handle h, String accountId, String id) {
        return h.createQuery("SELECT COUNT(*) FROM webhook_endpoints WHERE id = :id AND account_id = :account")
                .bind("id", id).bind("account", accountId).mapTo(Integer.class).one() > 0;
    }

    void delete(Handle h, String id) {
        h.createUpdate("DELETE FROM webhook_attempts WHERE endpoint_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM webhook_deliveries WHERE endpoint_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM webhook_endpoints WHERE id = :id").bind("id", id).execute();
    }

    /** Marks the start of a failing streak (kept while failures continue); returns when it began. */
    Instant markFailing(Handle h, String id, Instant now) {
        h.createUpdate("UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, :now) WHERE id = :id")
                .bind("id", id).bind("now", now.toEpochMilli()).execute();
        return h.createQuery("SELECT failing_since FROM webhook_endpoints WHERE id = :id").bind("id", id)
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli).orElse(now);
    }

    void markHealthy(Handle h, Collection<String> ids) {
        if (!ids.isEmpty()) {
            h.createUpdate("UPDATE webhook_endpoints SET failing_since = NULL WHERE id IN (<ids>) "
                    + "AND failing_since IS NOT NULL").bindList("ids", List.copyOf(ids)).execute();
        }
    }

    void pause(Handle h, String id, Instant until) {
        h.createUpdate("""
                UPDATE webhook_endpoints SET paused_until = :until
                WHERE id = :id AND (paused_until IS NULL OR paused_until < :until)""")
                .bind("id", id).bind("until", until.toEpochMilli()).execute();
    }

    /** Disables an enabled endpoint; false if it was not enabled (someone else got there first). */
    boolean disable(Handle h, String id, String reason, Instant now) {
        return h.createUpdate("""
                UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = :reason, updated_at = :now
                WHERE id = :id AND status = 'enabled'""")
                .bind("id", id).bind("reason", reason).bind("now", now.toEpochMilli()).execute() == 1;
    }

    private Endpoint map(ResultSet rs) throws SQLException {
        return new Endpoint(rs.getString("id"), rs.getString("account_id"), rs.getString("url"),
                rs.getString("description"), read(rs.getString("enabled_events")), rs.getString("status"),
                rs.getString("disabled_reason"), rs.getString("secret"), rs.getString("previous_secret"),
                Rows.instant(rs, "previous_secret_until").orElse(null),
                Rows.instant(rs, "failing_since").orElse(null), Rows.instant(rs, "paused_until").orElse(null),
                Rows.requiredInstant(rs, "created_at"), Rows.requiredInstant(rs, "updated_at"));
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private String write(List<String> events) {
        try {
            return json.writeValueAsString(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String text) {
        try {
            return json.readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
