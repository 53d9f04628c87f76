package dev.proofdesk.sdk.session;

import java.time.Instant;
import java.util.Map;

/**
 * One verification attempt against the published version of a flow.
 *
 * @param verificationUrl the hosted page to send the person to
 * @param clientSecret lets the holder side act on this one session; never log it
 * @param result null until the session completes
 * @param cost credits the session costs (charged in live, only reported in test)
 */
public record Session(
        String id,
        String flowId,
        String flowVersionId,
        String externalUuid,
        SessionStatus status,
        String verificationUrl,
        String clientSecret,
        Map<String, Object> metadata,
        SessionResult result,
        int cost,
        boolean livemode,
        Instant createdAt,
        Instant expiresAt,
        Instant completedAt,
        String successUrl,
        String failureUrl) {

    public Session {
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(metadata));
    }

    @Override
    public String toString() {
        return "Session[id=" + id + ", flowId=" + flowId + ", status=" + status + ", livemode=" + livemode + "]";
    }
}
