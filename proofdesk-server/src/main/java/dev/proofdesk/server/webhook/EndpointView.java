package dev.proofdesk.server.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/** A webhook endpoint as the API shows it; {@code secret} only in the response that created or rotated it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointView(String id, String url, String description, List<String> enabledEvents, String status,
                           String disabledReason, boolean livemode, String secret,
                           Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt) {
    @JsonProperty("object")
    public String object() {
        return "webhook_endpoint";
    }
}
