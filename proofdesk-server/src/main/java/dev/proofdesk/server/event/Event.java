package dev.proofdesk.server.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** An immutable record of something that happened in one environment. */
public record Event(String id, String accountId, String type, Instant createdAt, boolean livemode, JsonNode data) {
}
