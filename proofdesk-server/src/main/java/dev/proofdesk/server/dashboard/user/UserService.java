package dev.proofdesk.server.dashboard.user;

import dev.proofdesk.server.account.AccountService;
import dev.proofdesk.server.account.AuditLog;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Resource;
import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.store.UniqueViolationException;
import org.jdbi.v3.core.Handle;

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
    private final AccountService accounts;
    private final Clock clock;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final UserRepository users = new UserRepository();
    private final SignInRepository signIns = new SignInRepository();

    public UserService(Store control, AccountService accounts, Clock clock, AuditLog audit, PasswordHasher hasher) {
        this.control = control;
        this.accounts = accounts;
        this.clock = clock;
        this.audit = audit;
        this.hasher = hasher;
    }

    /** A new user; {@code generatedPassword} is set (and shown once) when no password was given. */
    public record Created(DashboardUser user, String generatedPassword) {
    }

    public Created create(String accountId, String email, Role role, String password, String actor) {
        String normalized = email(email);
        String generated = password == null ? Crypto.randomBase62(20) : null;
        String chosen = password != null ? password : generated;
        checkPassword(chosen);
        String hash = hasher.hash(chosen.toCharArray());
        DashboardUser user = new DashboardUser(Ids.newId(), accountId, normalized, role, clock.instant());
        try {
            control.writeVoid(h -> {
                accounts.require(h, accountId);
                users.insert(h, user, hash);
                audit.record(h, accountId, actor, "user.created", user.id(), Map.of("email", normalized,
                        "role", role.id()));
            });
        } catch (UniqueViolationException e) {
            throw ApiException.conflict("A dashboard user with the e-mail " + normalized + " already exists.");
        }
        return new Created(user, generated);
    }

    public List<DashboardUser> list(String accountId) {
        return control.read(h -> users.active(h, accountId));
    }

    public boolean anyUsers() {
        return control.read(users::anyActive);
    }

    public DashboardUser changeRole(String accountId, String userId, Role role, String actor) {
        return control.write(h -> {
            DashboardUser user = require(h, accountId, userId);
            if (user.role() == Role.OWNER && role != Role.OWNER) {
                requireAnotherOwner(h, accountId, userId);
            }
            users.setRole(h, userId, role);
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
            users.disable(h, userId, clock.instant());
            signIns.deleteOfUser(h, userId);
            audit.record(h, accountId, actor, "user.removed", userId, Map.of("email", user.email()));
        });
    }

    /** The active user with this e-mail and their password hash, for sign-in. */
    Optional<Map.Entry<DashboardUser, String>> credentials(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return control.read(h -> users.credentials(h, normalized));
    }

    private void requireAnotherOwner(Handle h, String accountId, String userId) {
        if (users.otherOwners(h, accountId, userId) == 0) {
            throw ApiException.conflict("This is the account's last owner; make someone else an owner first.");
        }
    }

    private DashboardUser require(Handle h, String accountId, String userId) {
        return users.findActive(h, accountId, userId).orElseThrow(() -> ApiException.notFound(Resource.USER, userId));
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
