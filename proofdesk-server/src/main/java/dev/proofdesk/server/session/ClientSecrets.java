package dev.proofdesk.server.session;

import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.security.MasterKey;
import dev.proofdesk.server.store.Environment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A session's client secret is derived from its id with a key of its environment, so it needs no
 * storage, can be shown again to the integrator, and tells the holder endpoints which store to use.
 * Format: {@code cs_test_<43 base64url chars>}.
 */
public final class ClientSecrets {
    private final Map<Environment, byte[]> keys = new EnumMap<>(Environment.class);

    public ClientSecrets(MasterKey masterKey) {
        for (Environment env : Environment.values()) {
            keys.put(env, masterKey.derive("session-client-secret:" + env.id()));
        }
    }

    public String secretFor(Environment env, String sessionId) {
        byte[] mac = Crypto.hmacSha256(keys.get(env), sessionId.getBytes(StandardCharsets.UTF_8));
        return "cs_" + env.id() + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** The environment a presented secret claims; the secret still has to be checked with {@link #matches}. */
    public static Optional<Environment> environmentOf(String secret) {
        if (secret == null) {
            return Optional.empty();
        }
        for (Environment env : Environment.values()) {
            if (secret.startsWith("cs_" + env.id() + "_")) {
                return Optional.of(env);
            }
        }
        return Optional.empty();
    }

    public boolean matches(Environment env, String sessionId, String presented) {
        return presented != null && Crypto.constantTimeEquals(secretFor(env, sessionId), presented);
    }
}
