package dev.proofdesk.server.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.store.Rows;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Flows and their versions in one environment's store. */
final class FlowRepository {
    private final ObjectMapper json;
    private final boolean livemode;

    FlowRepository(ObjectMapper json, boolean livemode) {
        this.json = json;
        this.livemode = livemode;
    }

    /** The flow row: name and product of the latest version, the published pointer, archival. */
    record Row(String id, String accountId, int latestVersion, String publishedVersionId, Instant archivedAt,
               Instant createdAt, Instant updatedAt) {
    }

    void insertFlow(Handle h, String id, String accountId, FlowDefinition def, Instant now) {
        h.createUpdate("""
                INSERT INTO flows (id, account_id, name, product, latest_version, created_at, updated_at)
                VALUES (:id, :account, :name, :product, 1, :now, :now)""")
                .bind("id", id).bind("account", accountId).bind("name", def.name())
                .bind("product", def.product()).bind("now", now.toEpochMilli()).execute();
    }

    void insertVersion(Handle h, String id, String flowId, int version, FlowDefinition def, Instant now) {
        h.createUpdate("""
                INSERT INTO flow_versions (id, flow_id, version, status, definition, created_at)
                VALUES (:id, :flow, :version, 'draft', :def, :now)""")
                .bind("id", id).bind("flow", flowId).bind("version", version)
                .bind("def", write(def)).bind("now", now.toEpochMilli()).execute();
    }

    void updateDraft(Handle h, String versionId, FlowDefinition def) {
        h.createUpdate("UPDATE flow_versions SET definition = :def WHERE id = :id AND status = 'draft'")
                .bind("def", write(def)).bind("id", versionId).execute();
    }

    void touchFlow(Handle h, String flowId, FlowDefinition latest, int latestVersion, Instant now) {
        h.createUpdate("""
                UPDATE flows SET name = :name, product = :product, latest_version = :version, updated_at = :now
                WHERE id = :id""")
                .bind("name", latest.name()).bind("product", latest.product()).bind("version", latestVersion)
                .bind("now", now.toEpochMilli()).bind("id", flowId).execute();
    }

    void publish(Handle h, Row flow, FlowVersion draft, Instant now) {
        if (flow.publishedVersionId() != null) {
            h.createUpdate("UPDATE flow_versions SET status = 'superseded' WHERE id = :id")
                    .bind("id", flow.publishedVersionId()).execute();
        }
        h.createUpdate("UPDATE flow_versions SET status = 'published', published_at = :now WHERE id = :id")
                .bind("now", now.toEpochMilli()).bind("id", draft.id()).execute();
        h.createUpdate("UPDATE flows SET published_version_id = :version, updated_at = :now WHERE id = :id")
                .bind("version", draft.id()).bind("now", now.toEpochMilli()).bind("id", flow.id()).execute();
    }

    void archive(Handle h, String flowId, Instant now) {
        h.createUpdate("UPDATE flows SET archived_at = :now, updated_at = :now WHERE id = :id")
                .bind("now", now.toEpochMilli()).bind("id", flowId).execute();
    }

    Optional<Row> find(Handle h, String accountId, String id, boolean lock, String lockClause) {
        return h.createQuery("SELECT * FROM flows WHERE id = :id AND account_id = :account" + (lock ? lockClause : ""))
                .bind("id", id).bind("account", accountId).map((rs, ctx) -> row(rs)).findOne();
    }

    boolean exists(Handle h, String accountId, String id) {
        return h.createQuery("SELECT COUNT(*) FROM flows WHERE id = :id AND account_id = :account")
                .bind("id", id).bind("account", accountId).mapTo(Integer.class).one() > 0;
    }

    List<Row> list(Handle h, String accountId, String startingAfter, int limit) {
        return h.createQuery("SELECT * FROM flows WHERE account_id = :account"
                        + (startingAfter != null ? " AND id < :after" : "") + " ORDER BY id DESC LIMIT :limit")
                .bind("account", accountId).bind("after", startingAfter).bind("limit", limit)
                .map((rs, ctx) -> row(rs)).list();
    }

    Optional<FlowVersion> version(Handle h, String flowId, int version) {
        return h.createQuery("SELECT * FROM flow_versions WHERE flow_id = :flow AND version = :version")
                .bind("flow", flowId).bind("version", version).map((rs, ctx) -> version(rs)).findOne();
    }

    Optional<FlowVersion> versionById(Handle h, String versionId) {
        return h.createQuery("SELECT * FROM flow_versions WHERE id = :id")
                .bind("id", versionId).map((rs, ctx) -> version(rs)).findOne();
    }

    List<FlowVersion> versions(Handle h, String flowId) {
        return h.createQuery("SELECT * FROM flow_versions WHERE flow_id = :flow ORDER BY version DESC")
                .bind("flow", flowId).map((rs, ctx) -> version(rs)).list();
    }

    private Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("account_id"), rs.getInt("latest_version"),
                rs.getString("published_version_id"), Rows.instant(rs, "archived_at").orElse(null),
                Rows.requiredInstant(rs, "created_at"), Rows.requiredInstant(rs, "updated_at"));
    }

    private FlowVersion version(ResultSet rs) throws SQLException {
        try {
            return new FlowVersion(rs.getString("id"), rs.getString("flow_id"), rs.getInt("version"),
                    rs.getString("status"), json.readValue(rs.getString("definition"), FlowDefinition.class),
                    livemode, Rows.requiredInstant(rs, "created_at"), Rows.instant(rs, "published_at").orElse(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored flow version " + rs.getString("id") + " is unreadable", e);
        }
    }

    private String write(FlowDefinition def) {
        try {
            return json.writeValueAsString(def);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
