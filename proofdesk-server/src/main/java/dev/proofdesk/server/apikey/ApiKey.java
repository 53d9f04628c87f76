package dev.proofdesk.server.apikey;

import dev.proofdesk.server.store.Environment;

import java.time.Instant;
import java.util.Optional;

/** What is known of a key after creation: never the key itself, only its hash and last four characters. */
public record ApiKey(
        String id,
        String accountId,
        Environment environment,
        KeyKind kind,
        String keyHash,
        String last4,
        Instant createdAt,
        Optional<Instant> expiresAt,
        Optional<Instant> revokedAt,
        Optional<Instant> lastUsedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    public String redacted() {
        return kind.prefix() + "_" + environment.id() + "_…" + last4;
    }
}
