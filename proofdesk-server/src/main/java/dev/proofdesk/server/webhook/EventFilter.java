package dev.proofdesk.server.webhook;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Issue;
import dev.proofdesk.server.event.EventType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /v1/events} filters, parsed from query parameters with actionable refusals. */
record EventFilter(String type, Instant createdAfter, boolean deliveryFailed) {

    static EventFilter parse(String type, String createdAfter, String deliveryFailed) {
        List<Issue> issues = new ArrayList<>();
        if (type != null && !EventType.known(type)) {
            issues.add(new Issue("type", "'" + type + "' is not an event type; known: " + String.join(", ", EventType.ids())));
        }
        Instant after = null;
        if (createdAfter != null) {
            try {
                after = Instant.parse(createdAfter);
            } catch (DateTimeParseException e) {
                issues.add(new Issue("createdAfter", "'" + createdAfter
                        + "' is not an ISO-8601 UTC time such as 2026-01-31T12:00:00Z"));
            }
        }
        boolean failed = false;
        if (deliveryFailed != null) {
            if (!deliveryFailed.equals("true") && !deliveryFailed.equals("false")) {
                issues.add(new Issue("deliveryFailed", "must be true or false"));
            }
            failed = deliveryFailed.equals("true");
        }
        if (!issues.isEmpty()) {
            throw ApiException.validation(issues);
        }
        return new EventFilter(type, after, failed);
    }
}
