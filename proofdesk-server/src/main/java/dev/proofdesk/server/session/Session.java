package dev.proofdesk.server.session;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * A verification session as the API shows it. The client secret, and the verification URL that
 * carries it, are credentials of the person verifying: only the integrator's API calls see them,
 * never an event, a webhook or a log.
 */
public record Session(
        String id,
        String flowId,
        String flowVersionId,
        String externalUuid,
        String status,
        String verificationUrl,
        String clientSecret,
        Map<String, Object> metadata,
        JsonNode result,
        int cost,
        boolean livemode,
        Instant createdAt,
        Instant expiresAt,
        Instant completedAt,
        String successUrl,
        String failureUrl) {

    @com.fasterxml.jackson.annotation.JsonProperty("object")
    public String object() {
        return "session";
    }

    /** The session as events carry it: without the client secret or the verification URL holding it. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Session withoutSecret() {
        return new Session(id, flowId, flowVersionId, externalUuid, status, null, null, metadata, result,
                cost, livemode, createdAt, expiresAt, completedAt, successUrl, failureUrl);
    }
}
