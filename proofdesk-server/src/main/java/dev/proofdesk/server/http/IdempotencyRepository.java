package dev.proofdesk.server.http;

import org.jdbi.v3.core.Handle;

import java.util.Optional;

/** Idempotency keys in one environment's store: claimed while a request runs, then its response. */
final class IdempotencyRepository {

    /** A key as stored: the request's hash, {@code running} or {@code done}, and the response once done. */
    record Stored(String hash, String state, Integer status, String body, long createdAt) {
    }

    /** Drops the key if it expired before {@code cutoffMillis}, then claims it; a unique violation if it is held. */
    void claim(Handle h, String accountId, String key, String hash, long cutoffMillis, long nowMillis) {
        h.createUpdate("DELETE FROM idempotency_keys WHERE account_id = :account AND idem_key = :key "
                        + "AND created_at < :cutoff")
                .bind("account", accountId).bind("key", key).bind("cutoff", cutoffMillis).execute();
        h.createUpdate("""
                INSERT INTO idempotency_keys (account_id, idem_key, request_hash, state, created_at)
                VALUES (:account, :key, :hash, 'running', :now)""")
                .bind("account", accountId).bind("key", key).bind("hash", hash).bind("now", nowMillis).execute();
    }

    Optional<Stored> find(Handle h, String accountId, String key) {
        return h.createQuery("""
                SELECT request_hash, state, status_code, response_body, created_at FROM idempotency_keys
                WHERE account_id = :account AND idem_key = :key""")
                .bind("account", accountId).bind("key", key)
                .map((rs, c) -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getLong(5)))
                .findOne();
    }

    void complete(Handle h, String accountId, String key, int status, String body) {
        h.createUpdate("""
                UPDATE idempotency_keys SET state = 'done', status_code = :status, response_body = :body
                WHERE account_id = :account AND idem_key = :key""")
                .bind("status", status).bind("body", body).bind("account", accountId).bind("key", key).execute();
    }

    void delete(Handle h, String accountId, String key) {
        h.createUpdate("DELETE FROM idempotency_keys WHERE account_id = :account AND idem_key = :key")
                .bind("account", accountId).bind("key", key).execute();
    }

    int deleteCreatedBefore(Handle h, long cutoffMillis) {
        return h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
                .bind("cutoff", cutoffMillis).execute();
    }
}
