package dev.proofdesk.server.flow;

import java.time.Instant;

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
        java.util.List<String> documents,
        FlowDefinition.Disclosures disclosures,
        FlowDefinition.Settings settings,
        boolean livemode,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) {

    @com.fasterxml.jackson.annotation.JsonProperty("object")
    public String object() {
        return "flow";
    }
}
