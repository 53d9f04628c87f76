package dev.proofdesk.server.session;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/** A verification session as the API shows it. {@code clientSecret} is null in events. */
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

    @com.fasterxml.jackson.annotation.JsonIgnore
    public Session withoutSecret() {
        return new Session(id, flowId, flowVersionId, externalUuid, status, verificationUrl, null, metadata, result,
                cost, livemode, createdAt, expiresAt, completedAt, successUrl, failureUrl);
    }
}
