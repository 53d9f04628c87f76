package dev.proofdesk.server.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.event.Event;

import java.time.Instant;

/** An event as the API lists it. */
public record EventView(String id, String type, Instant createdAt, boolean livemode, JsonNode data) {
    static EventView of(Event e) {
        return new EventView(e.id(), e.type(), e.createdAt(), e.livemode(), e.data());
    }

    @JsonProperty("object")
    public String object() {
        return "event";
    }
}
