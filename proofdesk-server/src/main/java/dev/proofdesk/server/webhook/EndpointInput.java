package dev.proofdesk.server.webhook;

import java.util.List;

/** What a caller may set on an endpoint; on update, absent fields stay as they are. */
public record EndpointInput(String url, String description, List<String> enabledEvents) {
}
