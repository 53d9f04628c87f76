package dev.proofdesk.server.session;

import java.util.Map;

/** The body of {@code POST /v1/sessions}. */
public record SessionInput(
        String flowId,
        String externalUuid,
        Integer expiresInSeconds,
        Map<String, Object> metadata,
        String successUrl,
        String failureUrl) {
}
