package dev.proofdesk.server.flow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** One version of a flow: {@code draft}, {@code published} (the one sessions use) or {@code superseded}. */
public record FlowVersion(
        String id,
        String flowId,
        int version,
        String status,
        FlowDefinition definition,
        boolean livemode,
        Instant createdAt,
        Instant publishedAt) {

    @JsonProperty("object")
    public String object() {
        return "flow_version";
    }

    @JsonIgnore
    public boolean isDraft() {
        return "draft".equals(status);
    }
}
