package dev.proofdesk.sdk.flow;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a flow stands; {@code UNKNOWN} for a status added by a newer server. */
public enum FlowStatus {
    @JsonProperty("draft") DRAFT,
    @JsonProperty("published") PUBLISHED,
    @JsonProperty("archived") ARCHIVED,
    @JsonEnumDefaultValue UNKNOWN
}
