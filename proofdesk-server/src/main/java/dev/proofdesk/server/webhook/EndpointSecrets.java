package dev.proofdesk.server.webhook;

import dev.proofdesk.sdk.webhook.WebhookSecret;
import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.security.MasterKey;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.store.UniqueViolationException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Issues endpoint signing secrets: generated here, never accepted from a user, registered by a
 * keyed fingerprint in the control store so that no two endpoints of any environment share one,
 * and kept sealed with the master key.
 */
final class EndpointSecrets {
    private static final String SEAL_PURPOSE = "webhook-endpoint-secret";
    private final MasterKey masterKey;
    private final byte[] fingerprintKey;
    private final Store control;
    private final Clock clock;

    EndpointSecrets(MasterKey masterKey, Store control, Clock clock) {
        this.masterKey = masterKey;
        this.fingerprintKey = masterKey.derive("webhook-secret-fingerprint");
        this.control = control;
        this.clock = clock;
    }

    /** A fresh, registered secret for the endpoint. */
    WebhookSecret issue(Environment env, String endpointId) {
        for (int tries = 0; ; tries++) {
            WebhookSecret secret = new WebhookSecret(env.livemode(), Crypto.randomBytes(32));
            String fingerprint = HexFormat.of().formatHex(Crypto.hmacSha256(fingerprintKey, secret.key()));
            try {
                control.writeVoid(h -> h.createUpdate("""
                        INSERT INTO webhook_secret_fingerprints (fingerprint, environment, endpoint_id, created_at)
                        VALUES (:fp, :env, :endpoint, :at)""")
                        .bind("fp", fingerprint).bind("env", env.id()).bind("endpoint", endpointId)
                        .bind("at", clock.millis()).execute());
                return secret;
            } catch (UniqueViolationException e) {
                if (tries >= 3) {
                    throw new IllegalStateException("cannot generate a unique webhook secret", e);
                }
            }
        }
    }

    String seal(WebhookSecret secret) {
        return Base64.getEncoder().encodeToString(
                masterKey.seal(secret.text().getBytes(StandardCharsets.UTF_8), SEAL_PURPOSE));
    }

    WebhookSecret open(String sealed) {
        return WebhookSecret.parse(new String(masterKey.open(Base64.getDecoder().decode(sealed), SEAL_PURPOSE),
                StandardCharsets.UTF_8));
    }
}
