package dev.proofdesk.sdk.flow;

import dev.proofdesk.sdk.flow.FlowDefinition.Disclosures;
import dev.proofdesk.sdk.flow.FlowDefinition.Rules;
import dev.proofdesk.sdk.flow.FlowDefinition.Settings;

import java.time.Instant;
import java.util.List;

/**
 * A flow as the API shows it: the latest version's definition, the flow's status, and the
 * published version that new sessions pin ({@code publishedVersion} is null until the first publish).
 */
public record Flow(
        String id,
        String name,
        Product product,
        FlowStatus status,
        int version,
        String versionId,
        Integer publishedVersion,
        String publishedVersionId,
        Rules rules,
        List<String> documents,
        Disclosures disclosures,
        Settings settings,
        boolean livemode,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) {

    public Flow {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
