package dev.proofdesk.server.webhook;

import java.time.Instant;
import java.util.List;

/** A stored webhook endpoint; secrets stay sealed until a delivery or a rotation needs them. */
record Endpoint(String id, String accountId, String url, String description, List<String> enabledEvents,
                String status, String disabledReason, String sealedSecret, String sealedPreviousSecret,
                Instant previousSecretUntil, Instant failingSince, Instant pausedUntil, Instant createdAt,
                Instant updatedAt) {
    static final String ENABLED = "enabled";
    static final String DISABLED = "disabled";

    Endpoint {
        enabledEvents = List.copyOf(enabledEvents);
    }

    boolean enabled() {
        return ENABLED.equals(status);
    }

    EndpointView view(boolean livemode, String shownSecret) {
        return new EndpointView(id, url, description, enabledEvents, status, disabledReason, livemode, shownSecret,
                sealedPreviousSecret != null ? previousSecretUntil : null, createdAt, updatedAt);
    }

    boolean subscribes(String type) {
        return enabledEvents.contains("*") || enabledEvents.contains(type);
    }
}
