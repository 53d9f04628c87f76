package dev.proofdesk.server.dashboard.user;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.security.MasterKey;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out of the dashboard. A signed-in browser holds a random token in a cookie; the
 * control store keeps only its SHA-256. Failed attempts are counted per e-mail and per client
 * address in the store, so the limit holds across nodes and restarts.
 */
public final class SignIns {
    public static final Duration LIFETIME = Duration.ofHours(12);
    public static final Duration IDLE = Duration.ofHours(2);
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    public static final int MAX_FAILURES_PER_EMAIL = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    private final Store control;
    private final Clock clock;
    private final UserService users;
    private final PasswordHasher hasher;
    private final byte[] csrfKey;

    public SignIns(Store control, Clock clock, UserService users, PasswordHasher hasher, MasterKey masterKey) {
        this.control = control;
        this.clock = clock;
        this.users = users;
        this.hasher = hasher;
        this.csrfKey = masterKey.derive("dashboard-csrf");
    }

    /** A fresh sign-in: the user and the cookie token (shown to the browser only). */
    public record SignedIn(DashboardUser user, String token) {
    }

    public SignedIn signIn(String email, String password, String clientAddress) {
        String emailKey = "email:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
        String addressKey = "address:" + clientAddress;
        long now = clock.millis();
        throttle(emailKey, MAX_FAILURES_PER_EMAIL, now);
        throttle(addressKey, MAX_FAILURES_PER_ADDRESS, now);
        char[] presented = password == null ? new char[0] : password.toCharArray();
        var credentials = users.credentials(email);
        boolean ok = credentials.isPresent() ? hasher.verify(presented, credentials.get().getValue())
                : decoy(presented);
        if (!ok) {
            control.writeVoid(h -> {
                h.createUpdate("DELETE FROM dashboard_sign_in_failures WHERE created_at < :cutoff")
                        .bind("cutoff", now - FAILURE_WINDOW.toMillis()).execute();
                for (String subject : new String[]{emailKey, addressKey}) {
                    h.createUpdate("INSERT INTO dashboard_sign_in_failures (id, subject, created_at) VALUES (:id, :s, :at)")
                            .bind("id", Ids.newId()).bind("s", subject).bind("at", now).execute();
                }
            });
            throw ApiException.unauthenticated("The e-mail address or the password is not right.");
        }
        DashboardUser user = credentials.get().getKey();
        String token = Crypto.randomBase62(43);
        control.writeVoid(h -> {
            h.createUpdate("DELETE FROM dashboard_sign_in_failures WHERE subject = :s").bind("s", emailKey).execute();
            h.createUpdate("DELETE FROM dashboard_sessions WHERE expires_at < :now").bind("now", now).execute();
            h.createUpdate("""
                    INSERT INTO dashboard_sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
                    VALUES (:hash, :user, :now, :now, :expires)""")
                    .bind("hash", Crypto.sha256Hex(token)).bind("user", user.id()).bind("now", now)
                    .bind("expires", now + LIFETIME.toMillis()).execute();
        });
        return new SignedIn(user, token);
    }

    private boolean decoy(char[] presented) {
        hasher.verifyDecoy(presented);
        return false;
    }

    private void throttle(String subject, int max, long now) {
        var recent = control.read(h -> h.createQuery("""
                        SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM dashboard_sign_in_failures
                        WHERE subject = :s AND created_at >= :since""")
                .bind("s", subject).bind("since", now - FAILURE_WINDOW.toMillis())
                .map((rs, ctx) -> new long[]{rs.getLong("n"), rs.getLong("oldest")}).one());
        if (recent[0] >= max) {
            long retryAfter = Math.max(1, (recent[1] + FAILURE_WINDOW.toMillis() - now + 999) / 1000);
            throw new ApiException(429, "rate_limited", "Too many failed sign-ins from here or for this e-mail "
                    + "address. Try again in " + Math.max(1, retryAfter / 60) + " minute(s).",
                    Map.of("retryAfterSeconds", retryAfter), Map.of("Retry-After", Long.toString(retryAfter)));
        }
    }

    /** The signed-in user of a cookie token, if the sign-in is still current; keeps an active sign-in alive. */
    public Optional<DashboardUser> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Crypto.sha256Hex(token);
        long now = clock.millis();
        record Found(DashboardUser user, long lastSeen) {
        }
        Optional<Found> found = control.read(h -> h.createQuery("""
                        SELECT u.*, s.last_seen_at FROM dashboard_sessions s JOIN dashboard_users u ON u.id = s.user_id
                        WHERE s.token_hash = :hash AND s.expires_at > :now AND s.last_seen_at > :idle
                          AND u.disabled_at IS NULL""")
                .bind("hash", hash).bind("now", now).bind("idle", now - IDLE.toMillis())
                .map((rs, ctx) -> new Found(UserService.map(rs), rs.getLong("last_seen_at"))).findOne());
        found.filter(f -> f.lastSeen() + TOUCH_INTERVAL.toMillis() < now).ifPresent(f -> control.writeVoid(h ->
                h.createUpdate("UPDATE dashboard_sessions SET last_seen_at = :now WHERE token_hash = :hash")
                        .bind("now", now).bind("hash", hash).execute()));
        return found.map(Found::user);
    }

    public void signOut(String token) {
        if (token != null) {
            control.writeVoid(h -> h.createUpdate("DELETE FROM dashboard_sessions WHERE token_hash = :hash")
                    .bind("hash", Crypto.sha256Hex(token)).execute());
        }
    }

    /** The synchroniser token of a sign-in: derived from its cookie token, so it needs no storage. */
    public String csrfToken(String sessionToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                Crypto.hmacSha256(csrfKey, sessionToken.getBytes(StandardCharsets.UTF_8)));
    }

    public boolean csrfMatches(String sessionToken, String presented) {
        return presented != null && Crypto.constantTimeEquals(csrfToken(sessionToken), presented);
    }
}
