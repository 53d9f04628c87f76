package dev.proofdesk.server.flow;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * A flow as the API shows it: the latest version's definition, with the flow's status
 * ({@code draft}, {@code published} or {@code archived}) and the version that sessions use.
 */
public record Flow(
        String id,
        String name,
        String product,
        String status,
        int version,
        String versionId,
        Integer publishedVersion,
        String publishedVersionId,
        FlowDefinition.Rules rules,
        List<String> documents,
        FlowDefinition.Disclosures disclosures,
        FlowDefinition.Settings settings,
        boolean livemode,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) {

    @JsonProperty("object")
    public String object() {
        return "flow";
    }
}
