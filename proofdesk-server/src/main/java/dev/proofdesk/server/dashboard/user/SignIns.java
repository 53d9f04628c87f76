package dev.proofdesk.server.dashboard.user;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.security.MasterKey;
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
 * control store keeps only its SHA-256. Failed attempts are counted in the store (so the throttle
 * holds across nodes and restarts) per e-mail address and client address together, and per client
 * address: past a few failures, each next attempt waits twice as long as the one before, up to
 * {@link #MAX_DELAY}. Nothing locks an account: someone guessing from elsewhere never keeps the real
 * user out, and the right password from the right place always works once the wait is over.
 */
public final class SignIns {
    public static final Duration LIFETIME = Duration.ofHours(12);
    public static final Duration IDLE = Duration.ofHours(2);
    /** Failures older than this are forgotten; a sign-in forgets those of its e-mail and address. */
    public static final Duration FAILURE_MEMORY = Duration.ofHours(24);
    /** Failures of one e-mail address from one client address before attempts have to wait. */
    public static final int FREE_FAILURES_PER_EMAIL_AND_ADDRESS = 3;
    /** Failures from one client address, for any e-mail, before attempts from there have to wait. */
    public static final int FREE_FAILURES_PER_ADDRESS = 30;
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    private final Store control;
    private final Clock clock;
    private final UserService users;
    private final PasswordHasher hasher;
    private final byte[] csrfKey;
    private final SignInRepository signIns = new SignInRepository();

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
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String pairKey = "email+address:" + Crypto.sha256Hex(normalized + "\n" + clientAddress);
        String addressKey = "address:" + clientAddress;
        long now = clock.millis();
        throttle(pairKey, FREE_FAILURES_PER_EMAIL_AND_ADDRESS, now, "for this e-mail address from here");
        throttle(addressKey, FREE_FAILURES_PER_ADDRESS, now, "from here");
        char[] presented = password == null ? new char[0] : password.toCharArray();
        var credentials = users.credentials(email);
        boolean ok = credentials.isPresent() ? hasher.verify(presented, credentials.get().getValue())
                : decoy(presented);
        if (!ok) {
            control.writeVoid(h -> {
                signIns.forgetFailuresBefore(h, now - FAILURE_MEMORY.toMillis());
                for (String subject : new String[]{pairKey, addressKey}) {
                    signIns.addFailure(h, subject, now);
                }
            });
            throw ApiException.unauthenticated("The e-mail address or the password is not right.");
        }
        DashboardUser user = credentials.get().getKey();
        String token = Crypto.randomBase62(43);
        control.writeVoid(h -> {
            signIns.forgetFailures(h, pairKey);
            signIns.deleteExpired(h, now);
            signIns.insert(h, Crypto.sha256Hex(token), user.id(), now, now + LIFETIME.toMillis());
        });
        return new SignedIn(user, token);
    }

    private boolean decoy(char[] presented) {
        hasher.verifyDecoy(presented);
        return false;
    }

    /** Refuses with 429 while the wait earned by {@code subject}'s failures since the last one runs. */
    private void throttle(String subject, int free, long now, String where) {
        long[] recent = control.read(h -> signIns.failures(h, subject, now - FAILURE_MEMORY.toMillis()));
        long waitMillis = delay(recent[0], free).toMillis() - (now - recent[1]);
        if (recent[0] >= free && waitMillis > 0) {
            long retryAfter = Math.max(1, (waitMillis + 999) / 1000);
            throw new ApiException(429, "rate_limited", "Too many failed sign-ins " + where + ". Try again in "
                    + (retryAfter < 120 ? retryAfter + " seconds." : (retryAfter + 59) / 60 + " minutes."),
                    Map.of("retryAfterSeconds", retryAfter), Map.of("Retry-After", Long.toString(retryAfter)));
        }
    }

    /** After {@code free} failures, 1 s, then twice as long for each further failure, up to {@link #MAX_DELAY}. */
    public static Duration delay(long failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        long doublings = Math.min(failures - free, 30);
        return Duration.ofSeconds(1L << doublings).compareTo(MAX_DELAY) > 0 ? MAX_DELAY
                : Duration.ofSeconds(1L << doublings);
    }

    /** The signed-in user of a cookie token, if the sign-in is still current; keeps an active sign-in alive. */
    public Optional<DashboardUser> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Crypto.sha256Hex(token);
        long now = clock.millis();
        Optional<SignInRepository.Current> found = control.read(h -> signIns.current(h, hash, now,
                now - IDLE.toMillis()));
        found.filter(f -> f.lastSeenMillis() + TOUCH_INTERVAL.toMillis() < now)
                .ifPresent(f -> control.writeVoid(h -> signIns.touch(h, hash, now)));
        return found.map(SignInRepository.Current::user);
    }

    public void signOut(String token) {
        if (token != null) {
            control.writeVoid(h -> signIns.delete(h, Crypto.sha256Hex(token)));
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
