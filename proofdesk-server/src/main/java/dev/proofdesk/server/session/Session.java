package dev.proofdesk.server.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

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

    @JsonProperty("object")
    public String object() {
        return "session";
    }

    /** The session as events carry it: without the client secret or the verification URL holding it. */
    @JsonIgnore
    public Session withoutSecret() {
        return new Session(id, flowId, flowVersionId, externalUuid, status, null, null, metadata, result,
                cost, livemode, createdAt, expiresAt, completedAt, successUrl, failureUrl);
    }

    /**
     * Where the person verifying goes next: the flow's success URL for a valid session, else its failure
     * URL (null when the flow has none).
     */
    @JsonIgnore
    public String redirectUrl() {
        return status == SessionStatus.VALID ? successUrl : failureUrl;
    }
}
