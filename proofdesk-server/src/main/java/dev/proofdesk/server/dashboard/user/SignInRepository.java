package dev.proofdesk.server.dashboard.user;

import dev.proofdesk.server.store.Ids;
import org.jdbi.v3.core.Handle;

import java.util.Optional;

/** Dashboard sign-ins (only their token's hash) and failed attempts, in the control store. */
final class SignInRepository {

    /** A current sign-in's user and when it was last seen. */
    record Current(DashboardUser user, long lastSeenMillis) {
    }

    void insert(Handle h, String tokenHash, String userId, long nowMillis, long expiresMillis) {
        h.createUpdate("""
                INSERT INTO dashboard_sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
                VALUES (:hash, :user, :now, :now, :expires)""")
                .bind("hash", tokenHash).bind("user", userId).bind("now", nowMillis).bind("expires", expiresMillis)
                .execute();
    }

    /** The sign-in of an active user, unexpired and seen after {@code idleSinceMillis}. */
    Optional<Current> current(Handle h, String tokenHash, long nowMillis, long idleSinceMillis) {
        return h.createQuery("""
                        SELECT u.*, s.last_seen_at FROM dashboard_sessions s JOIN dashboard_users u ON u.id = s.user_id
                        WHERE s.token_hash = :hash AND s.expires_at > :now AND s.last_seen_at > :idle
                          AND u.disabled_at IS NULL""")
                .bind("hash", tokenHash).bind("now", nowMillis).bind("idle", idleSinceMillis)
                .map((rs, ctx) -> new Current(UserRepository.map(rs), rs.getLong("last_seen_at"))).findOne();
    }

    void touch(Handle h, String tokenHash, long nowMillis) {
        h.createUpdate("UPDATE dashboard_sessions SET last_seen_at = :now WHERE token_hash = :hash")
                .bind("now", nowMillis).bind("hash", tokenHash).execute();
    }

    void delete(Handle h, String tokenHash) {
        h.createUpdate("DELETE FROM dashboard_sessions WHERE token_hash = :hash").bind("hash", tokenHash).execute();
    }

    void deleteOfUser(Handle h, String userId) {
        h.createUpdate("DELETE FROM dashboard_sessions WHERE user_id = :id").bind("id", userId).execute();
    }

    void deleteExpired(Handle h, long nowMillis) {
        h.createUpdate("DELETE FROM dashboard_sessions WHERE expires_at < :now").bind("now", nowMillis).execute();
    }

    void addFailure(Handle h, String subject, long atMillis) {
        h.createUpdate("INSERT INTO dashboard_sign_in_failures (id, subject, created_at) VALUES (:id, :s, :at)")
                .bind("id", Ids.newId()).bind("s", subject).bind("at", atMillis).execute();
    }

    void forgetFailuresBefore(Handle h, long cutoffMillis) {
        h.createUpdate("DELETE FROM dashboard_sign_in_failures WHERE created_at < :cutoff")
                .bind("cutoff", cutoffMillis).execute();
    }

    void forgetFailures(Handle h, String subject) {
        h.createUpdate("DELETE FROM dashboard_sign_in_failures WHERE subject = :s").bind("s", subject).execute();
    }

    /** How many failures of {@code subject} since a time, and the latest one's time (0 without any). */
    long[] failures(Handle h, String subject, long sinceMillis) {
        return h.createQuery("""
                        SELECT COUNT(*) AS n, MAX(created_at) AS latest FROM dashboard_sign_in_failures
                        WHERE subject = :s AND created_at >= :since""")
                .bind("s", subject).bind("since", sinceMillis)
                .map((rs, ctx) -> new long[]{rs.getLong("n"), rs.getLong("latest")}).one();
    }
}
