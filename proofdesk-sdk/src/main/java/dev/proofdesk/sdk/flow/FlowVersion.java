package dev.proofdesk.sdk.flow;

import java.time.Instant;

/**
 * One version of a flow.
 *
 * @param status {@code draft}, {@code published} (the one sessions use) or {@code superseded}
 */
public record FlowVersion(
        String id,
        String flowId,
        int version,
        String status,
        FlowDefinition definition,
        boolean livemode,
        Instant createdAt,
        Instant publishedAt) {
}
