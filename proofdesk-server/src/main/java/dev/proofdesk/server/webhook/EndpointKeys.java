package dev.proofdesk.server.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HMAC keys that sign an endpoint's deliveries: its current secret, plus the previous one
 * while a rotation's overlap lasts. Opened secrets are cached per endpoint version so that the
 * master key is not consulted for every delivery.
 */
final class EndpointKeys {
    private final EndpointSecrets secrets;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Instant version, byte[] current, byte[] previous) {
    }

    EndpointKeys(EndpointSecrets secrets) {
        this.secrets = secrets;
    }

    List<byte[]> signingKeys(Endpoint endpoint, Instant now) {
        Cached cached = cache.get(endpoint.id());
        if (cached == null || !cached.version().equals(endpoint.updatedAt())) {
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cached = new Cached(endpoint.updatedAt(), secrets.open(endpoint.sealedSecret()).key(),
                    endpoint.sealedPreviousSecret() == null ? null
                            : secrets.open(endpoint.sealedPreviousSecret()).key());
            cache.put(endpoint.id(), cached);
        }
        List<byte[]> keys = new ArrayList<>(2);
        keys.add(cached.current());
        if (cached.previous() != null && endpoint.previousSecretUntil() != null
                && endpoint.previousSecretUntil().isAfter(now)) {
            keys.add(cached.previous());
        }
        return keys;
    }
}
