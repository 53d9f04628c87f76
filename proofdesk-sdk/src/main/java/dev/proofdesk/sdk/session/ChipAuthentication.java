package dev.proofdesk.sdk.session;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a document's chip proved it is genuine, as a session's result records it. {@code NONE}: it
 * did not (a chip without DG14 or DG15, such as a US passport, or a submission without a proof),
 * which passes only where the flow's {@code requireChipAuthentication} is off. {@code UNKNOWN}
 * stands for a value added by a newer server.
 */
public enum ChipAuthentication {
    /** Chip Authentication with the DG14 key, done by the server through the chip relay. */
    @JsonProperty("chip_authentication") CHIP_AUTHENTICATION,
    /** Active Authentication: the chip signed a challenge with its DG15 key. */
    @JsonProperty("active_authentication") ACTIVE_AUTHENTICATION,
    @JsonProperty("none") NONE,
    @JsonEnumDefaultValue UNKNOWN
}
