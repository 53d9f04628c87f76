package dev.proofdesk.server.apikey;

import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Rows;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys in the control store. */
final class ApiKeyRepository {

    void insert(Handle h, ApiKey key) {
        h.createUpdate("""
                INSERT INTO api_keys (id, account_id, environment, kind, key_hash, last4, created_at)
                VALUES (:id, :account, :env, :kind, :hash, :last4, :created)""")
                .bind("id", key.id())
                .bind("account", key.accountId())
                .bind("env", key.environment().id())
                .bind("kind", key.kind().name())
                .bind("hash", key.keyHash())
                .bind("last4", key.last4())
                .bind("created", key.createdAt().toEpochMilli())
                .execute();
    }

    Optional<ApiKey> findByHash(Handle h, String hash) {
        return h.createQuery("SELECT * FROM api_keys WHERE key_hash = :hash")
                .bind("hash", hash).map((rs, ctx) -> map(rs)).findOne();
    }

    Optional<ApiKey> find(Handle h, String accountId, String id) {
        return h.createQuery("SELECT * FROM api_keys WHERE id = :id AND account_id = :account")
                .bind("id", id).bind("account", accountId).map((rs, ctx) -> map(rs)).findOne();
    }

    List<ApiKey> list(Handle h, String accountId, Environment env) {
        return h.createQuery("""
                SELECT * FROM api_keys WHERE account_id = :account AND environment = :env
                ORDER BY created_at DESC, id DESC""")
                .bind("account", accountId).bind("env", env.id()).map((rs, ctx) -> map(rs)).list();
    }

    int countActiveSecrets(Handle h, String accountId, Environment env, Instant now) {
        return h.createQuery("""
                SELECT COUNT(*) FROM api_keys
                WHERE account_id = :account AND environment = :env AND kind = 'SECRET'
                  AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)""")
                .bind("account", accountId).bind("env", env.id()).bind("now", now.toEpochMilli())
                .mapTo(Integer.class).one();
    }

    void expire(Handle h, String id, Instant at, String rolledTo) {
        h.createUpdate("UPDATE api_keys SET expires_at = :at, rolled_to = :to WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("to", rolledTo).bind("id", id).execute();
    }

    void revoke(Handle h, String id, Instant at) {
        h.createUpdate("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("at", at.toEpochMilli()).bind("id", id).execute();
    }

    void touch(Handle h, String id, Instant at) {
        h.createUpdate("UPDATE api_keys SET last_used_at = :at WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("id", id).execute();
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        return new ApiKey(
                rs.getString("id"),
                rs.getString("account_id"),
                Environment.parse(rs.getString("environment")).orElseThrow(),
                KeyKind.valueOf(rs.getString("kind")),
                rs.getString("key_hash"),
                rs.getString("last4"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Rows.instant(rs, "expires_at"),
                Rows.instant(rs, "revoked_at"),
                Rows.instant(rs, "last_used_at"));
    }
}
