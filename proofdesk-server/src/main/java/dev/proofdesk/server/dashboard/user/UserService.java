package dev.proofdesk.server.dashboard.user;

import dev.proofdesk.server.account.AuditLog;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Rows;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.store.UniqueViolationException;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Dashboard users of an account, in the control store; every change is audited with its actor. */
public final class UserService {
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 256;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Store control;
    private final Clock clock;
    private final AuditLog audit;
    private final PasswordHasher hasher;

    public UserService(Store control, Clock clock, AuditLog audit, PasswordHasher hasher) {
        this.control = control;
        this.clock = clock;
        this.audit = audit;
        this.hasher = hasher;
    }

    /** A new user; {@code generatedPassword} is set (and shown once) when no password was given. */
    public record Created(DashboardUser user, String generatedPassword) {
    }

    public Created create(String accountId, String email, Role role, String password, String actor) {
        String normalized = email(email);
        String generated = password == null ? dev.proofdesk.server.security.Crypto.randomBase62(20) : null;
        String chosen = password != null ? password : generated;
        checkPassword(chosen);
        String hash = hasher.hash(chosen.toCharArray());
        DashboardUser user = new DashboardUser(Ids.newId(), accountId, normalized, role, clock.instant());
        try {
            control.writeVoid(h -> {
                h.createQuery("SELECT id FROM accounts WHERE id = :id").bind("id", accountId).mapTo(String.class)
                        .findOne().orElseThrow(() -> ApiException.notFound("Account", accountId));
                h.createUpdate("""
                        INSERT INTO dashboard_users (id, account_id, email, role, password_hash, created_at)
                        VALUES (:id, :account, :email, :role, :hash, :at)""")
                        .bind("id", user.id()).bind("account", accountId).bind("email", normalized)
                        .bind("role", role.id()).bind("hash", hash).bind("at", user.createdAt().toEpochMilli())
                        .execute();
                audit.record(h, accountId, actor, "user.created", user.id(), Map.of("email", normalized,
                        "role", role.id()));
            });
        } catch (UniqueViolationException e) {
            throw ApiException.conflict("A dashboard user with the e-mail " + normalized + " already exists.");
        }
        return new Created(user, generated);
    }

    public List<DashboardUser> list(String accountId) {
        return control.read(h -> h.createQuery("""
                        SELECT * FROM dashboard_users WHERE account_id = :account AND disabled_at IS NULL ORDER BY id""")
                .bind("account", accountId).map((rs, ctx) -> map(rs)).list());
    }

    public boolean anyUsers() {
        return control.read(h -> h.createQuery("SELECT COUNT(*) FROM dashboard_users WHERE disabled_at IS NULL")
                .mapTo(Integer.class).one() > 0);
    }

    public DashboardUser changeRole(String accountId, String userId, Role role, String actor) {
        return control.write(h -> {
            DashboardUser user = require(h, accountId, userId);
            if (user.role() == Role.OWNER && role != Role.OWNER) {
                requireAnotherOwner(h, accountId, userId);
            }
            h.createUpdate("UPDATE dashboard_users SET role = :role WHERE id = :id")
                    .bind("role", role.id()).bind("id", userId).execute();
            audit.record(h, accountId, actor, "user.role_changed", userId,
                    Map.of("email", user.email(), "from", user.role().id(), "to", role.id()));
            return require(h, accountId, userId);
        });
    }

    /** Disables the user and signs them out everywhere; the row stays so the audit log keeps its meaning. */
    public void remove(String accountId, String userId, String actor) {
        control.writeVoid(h -> {
            DashboardUser user = require(h, accountId, userId);
            if (user.role() == Role.OWNER) {
                requireAnotherOwner(h, accountId, userId);
            }
            h.createUpdate("UPDATE dashboard_users SET disabled_at = :now WHERE id = :id")
                    .bind("now", clock.millis()).bind("id", userId).execute();
            h.createUpdate("DELETE FROM dashboard_sessions WHERE user_id = :id").bind("id", userId).execute();
            audit.record(h, accountId, actor, "user.removed", userId, Map.of("email", user.email()));
        });
    }

    /** The active user with this e-mail and their password hash, for sign-in. */
    Optional<Map.Entry<DashboardUser, String>> credentials(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return control.read(h -> h.createQuery(
                        "SELECT * FROM dashboard_users WHERE email = :email AND disabled_at IS NULL")
                .bind("email", normalized)
                .map((rs, ctx) -> Map.entry(map(rs), rs.getString("password_hash"))).findOne());
    }

    private void requireAnotherOwner(Handle h, String accountId, String userId) {
        int owners = h.createQuery("""
                        SELECT COUNT(*) FROM dashboard_users
                        WHERE account_id = :account AND role = 'owner' AND disabled_at IS NULL AND id <> :id""")
                .bind("account", accountId).bind("id", userId).mapTo(Integer.class).one();
        if (owners == 0) {
            throw ApiException.conflict("This is the account's last owner; make someone else an owner first.");
        }
    }

    private static DashboardUser require(Handle h, String accountId, String userId) {
        return h.createQuery("""
                        SELECT * FROM dashboard_users WHERE id = :id AND account_id = :account AND disabled_at IS NULL""")
                .bind("id", userId).bind("account", accountId).map((rs, ctx) -> map(rs)).findOne()
                .orElseThrow(() -> ApiException.notFound("User", userId));
    }

    static DashboardUser map(ResultSet rs) throws SQLException {
        return new DashboardUser(rs.getString("id"), rs.getString("account_id"), rs.getString("email"),
                Role.parse(rs.getString("role")).orElseThrow(), Rows.requiredInstant(rs, "created_at"));
    }

    private static String email(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw ApiException.validation("email", "must be an e-mail address such as jane@example.com");
        }
        return normalized;
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiException.validation("password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters; a passphrase of a few words is easy to remember");
        }
    }
}
