package dev.proofdesk.server.account;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/** The audit log in the control store. */
final class AuditRepository {

    void insert(Handle h, String id, String accountId, String actor, String action, String target, String details,
                Instant at) {
        h.createUpdate("""
                INSERT INTO audit_log (id, account_id, actor, action, target, details, created_at)
                VALUES (:id, :account, :actor, :action, :target, :details, :at)""")
                .bind("id", id)
                .bind("account", accountId)
                .bind("actor", actor)
                .bind("action", action)
                .bind("target", target)
                .bind("details", details)
                .bind("at", at.toEpochMilli())
                .execute();
    }

    /** Newest first, cursor-paginated by id. */
    List<AuditLog.Entry> list(Handle h, String accountId, String startingAfter, int limit) {
        return h.createQuery("SELECT * FROM audit_log WHERE account_id = :account"
                        + (startingAfter != null ? " AND id < :after" : "") + " ORDER BY id DESC LIMIT :limit")
                .bind("account", accountId).bind("after", startingAfter).bind("limit", limit)
                .map((rs, ctx) -> new AuditLog.Entry(rs.getString("id"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target"), rs.getString("details"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }
}
