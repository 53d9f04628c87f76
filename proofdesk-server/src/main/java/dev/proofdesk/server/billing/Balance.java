package dev.proofdesk.server.billing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /v1/balance}. Live: the credits left and those held by sessions still in progress
 * (refunded if they expire, are canceled or end in error). Test: no balance, only a message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Balance(Long credits, Long reserved, boolean livemode, String message) {

    public static Balance live(long credits, long reserved) {
        return new Balance(credits, reserved, true, null);
    }

    public static Balance test() {
        return new Balance(null, null, false, "Billing does not apply in test mode: test sessions are never "
                + "charged; each shows in cost what it would cost in live. Use a live key to see the balance.");
    }

    @JsonProperty("object")
    public String object() {
        return "balance";
    }
}
