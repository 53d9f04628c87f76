package dev.proofdesk.server.apikey;

import dev.proofdesk.server.account.AccountService;
import dev.proofdesk.server.account.AuditLog;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Resource;
import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.store.Changes;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates, authenticates, rolls and revokes API keys. Keys are stored only as a SHA-256 hash (they
 * carry 190 bits of randomness, so a fast hash is the right tool) plus the last four characters.
 * Authenticated keys are kept in memory only while {@link Changes} is reliable (a server on
 * PostgreSQL): every roll and revocation, from any node or the command line, is announced and
 * empties the cache on every node; otherwise each request looks its key up.
 */
public final class ApiKeyService {
    public static final int MAX_ACTIVE_SECRET_KEYS = 2;
    public static final Duration MAX_GRACE = Duration.ofDays(7);
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final String CHANGES = "api_keys";
    private static final int MAX_CACHED = 10_000;

    private final Store control;
    private final AccountService accounts;
    private final Clock clock;
    private final AuditLog audit;
    private final ApiKeyRepository keys = new ApiKeyRepository();
    private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();
    private final Changes changes;
    /** Keys by hash; {@code generation} counts the emptyings, so a lookup older than one is not kept. */
    private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();
    private long generation;

    public ApiKeyService(Store control, AccountService accounts, Clock clock, AuditLog audit, Changes changes) {
        this.control = control;
        this.accounts = accounts;
        this.clock = clock;
        this.audit = audit;
        this.changes = changes;
        changes.onChange(CHANGES, this::forgetAll);
    }

    private synchronized void forgetAll() {
        generation++;
        byHash.clear();
    }

    /** A key as shown once at creation; {@code secret} is never retrievable again. */
    public record Created(ApiKey key, String secret) {
    }

    public Created create(String accountId, Environment env, KeyKind kind, String actor) {
        return control.write(h -> {
            accounts.lock(h, accountId);
            Instant now = clock.instant();
            if (kind == KeyKind.SECRET && keys.countActiveSecrets(h, accountId, env, now) >= MAX_ACTIVE_SECRET_KEYS) {
                throw ApiException.conflict("This account already has " + MAX_ACTIVE_SECRET_KEYS + " active "
                        + env.id() + " secret keys. Roll or revoke one first.");
            }
            Created created = insert(h, accountId, env, kind, now);
            audit.record(h, accountId, actor, "api_key.created", created.key().id(),
                    Map.of("environment", env.id(), "kind", kind.name().toLowerCase()));
            return created;
        });
    }

    private Created insert(Handle h, String accountId, Environment env, KeyKind kind, Instant now) {
        String secret = ApiKeyFormat.generate(kind, env);
        ApiKey key = new ApiKey(Ids.newId(), accountId, env, kind, Crypto.sha256Hex(secret),
                secret.substring(secret.length() - 4), now, Optional.empty(), Optional.empty(), Optional.empty());
        keys.insert(h, key);
        return new Created(key, secret);
    }

    /** Resolves a presented key to its caller; any problem is the same 401, so nothing leaks. */
    public Caller authenticate(String presented) {
        Optional<ApiKeyFormat.Parsed> parsed = ApiKeyFormat.parse(presented);
        if (parsed.isEmpty()) {
            throw ApiException.unauthenticated("The API key is malformed. Keys look like sk_test_… or sk_live_…; "
                    + "copy it again from `proofdesk keys create` or the dashboard.");
        }
        String hash = Crypto.sha256Hex(presented);
        ApiKey key = findByHash(hash)
                .filter(k -> Crypto.constantTimeEquals(k.keyHash(), hash))
                .orElseThrow(() -> ApiException.unauthenticated("The API key is not valid."));
        Instant now = clock.instant();
        if (!key.activeAt(now)) {
            throw ApiException.unauthenticated("The API key " + key.redacted() + " has been "
                    + (key.revokedAt().isPresent() ? "revoked" : "rolled and its grace period is over") + ".");
        }
        touch(key, now);
        return new Caller(key.accountId(), key.environment(), key.id(), key.kind());
    }

    private Optional<ApiKey> findByHash(String hash) {
        if (!changes.reliable()) {
            return control.read(h -> keys.findByHash(h, hash));
        }
        ApiKey cached = byHash.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        long seen;
        synchronized (this) {
            seen = generation;
        }
        Optional<ApiKey> found = control.read(h -> keys.findByHash(h, hash));
        found.ifPresent(k -> {
            synchronized (this) {
                // Not if a change was heard meanwhile: this lookup may predate it.
                if (generation == seen && byHash.size() < MAX_CACHED) {
                    byHash.put(hash, k);
                }
            }
        });
        return found;
    }

    /** Records last use at most once a minute per key, so authentication stays a read. */
    private void touch(ApiKey key, Instant now) {
        Instant previous = lastTouched.get(key.id());
        if (previous == null || previous.plus(TOUCH_INTERVAL).isBefore(now)) {
            lastTouched.put(key.id(), now);
            control.writeVoid(h -> keys.touch(h, key.id(), now));
        }
    }

    public List<ApiKey> list(String accountId, Environment env) {
        return control.read(h -> keys.list(h, accountId, env));
    }

    /** Issues a replacement; the old key keeps working for {@code grace} (at most seven days). */
    public Created roll(String accountId, String keyId, Duration grace, String actor) {
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw ApiException.validation("grace", "must be between 0 and 7 days");
        }
        return control.write(h -> {
            ApiKey old = keys.find(h, accountId, keyId)
                    .orElseThrow(() -> ApiException.notFound(Resource.API_KEY, keyId));
            Instant now = clock.instant();
            if (!old.activeAt(now)) {
                throw ApiException.conflict("API key " + keyId + " is no longer active; create a new key instead.");
            }
            Created created = insert(h, accountId, old.environment(), old.kind(), now);
            keys.expire(h, old.id(), now.plus(grace), created.key().id());
            changes.announce(h, CHANGES);
            audit.record(h, accountId, actor, "api_key.rolled", old.id(),
                    Map.of("replacement", created.key().id(), "graceSeconds", grace.toSeconds()));
            return created;
        });
    }

    public ApiKey revoke(String accountId, String keyId, String actor) {
        return control.write(h -> {
            ApiKey key = keys.find(h, accountId, keyId)
                    .orElseThrow(() -> ApiException.notFound(Resource.API_KEY, keyId));
            keys.revoke(h, key.id(), clock.instant());
            changes.announce(h, CHANGES);
            audit.record(h, accountId, actor, "api_key.revoked", key.id(), Map.of());
            return keys.find(h, accountId, keyId).orElseThrow();
        });
    }
}
