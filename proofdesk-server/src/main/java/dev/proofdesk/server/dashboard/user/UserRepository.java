package dev.proofdesk.server.dashboard.user;

import dev.proofdesk.server.store.Rows;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dashboard users in the control store; a removed user's row stays (disabled) for the audit log. */
final class UserRepository {

    void insert(Handle h, DashboardUser user, String passwordHash) {
        h.createUpdate("""
                INSERT INTO dashboard_users (id, account_id, email, role, password_hash, created_at)
                VALUES (:id, :account, :email, :role, :hash, :at)""")
                .bind("id", user.id()).bind("account", user.accountId()).bind("email", user.email())
                .bind("role", user.role().id()).bind("hash", passwordHash).bind("at", user.createdAt().toEpochMilli())
                .execute();
    }

    List<DashboardUser> active(Handle h, String accountId) {
        return h.createQuery("""
                        SELECT * FROM dashboard_users WHERE account_id = :account AND disabled_at IS NULL ORDER BY id""")
                .bind("account", accountId).map((rs, ctx) -> map(rs)).list();
    }

    boolean anyActive(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM dashboard_users WHERE disabled_at IS NULL")
                .mapTo(Integer.class).one() > 0;
    }

    Optional<DashboardUser> findActive(Handle h, String accountId, String userId) {
        return h.createQuery("""
                        SELECT * FROM dashboard_users WHERE id = :id AND account_id = :account AND disabled_at IS NULL""")
                .bind("id", userId).bind("account", accountId).map((rs, ctx) -> map(rs)).findOne();
    }

    /** The active user with this (normalised) e-mail and their password hash. */
    Optional<Map.Entry<DashboardUser, String>> credentials(Handle h, String email) {
        return h.createQuery("SELECT * FROM dashboard_users WHERE email = :email AND disabled_at IS NULL")
                .bind("email", email)
                .map((rs, ctx) -> Map.entry(map(rs), rs.getString("password_hash"))).findOne();
    }

    /** Active owners of the account other than this user. */
    int otherOwners(Handle h, String accountId, String userId) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM dashboard_users
                        WHERE account_id = :account AND role = 'owner' AND disabled_at IS NULL AND id <> :id""")
                .bind("account", accountId).bind("id", userId).mapTo(Integer.class).one();
    }

    void setRole(Handle h, String userId, Role role) {
        h.createUpdate("UPDATE dashboard_users SET role = :role WHERE id = :id")
                .bind("role", role.id()).bind("id", userId).execute();
    }

    void disable(Handle h, String userId, Instant now) {
        h.createUpdate("UPDATE dashboard_users SET disabled_at = :now WHERE id = :id")
                .bind("now", now.toEpochMilli()).bind("id", userId).execute();
    }

    static DashboardUser map(ResultSet rs) throws SQLException {
        return new DashboardUser(rs.getString("id"), rs.getString("account_id"), rs.getString("email"),
                Role.parse(rs.getString("role")).orElseThrow(), Rows.requiredInstant(rs, "created_at"));
    }
}
