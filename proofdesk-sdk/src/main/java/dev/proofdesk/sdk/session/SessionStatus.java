package dev.proofdesk.sdk.session;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/**
 * {@code pending} → {@code processing} → {@code valid} | {@code invalid} | {@code error}; or
 * {@code expired}, {@code canceled}. {@code UNKNOWN} stands for a status added by a newer server.
 */
public enum SessionStatus {
    @JsonProperty("pending") PENDING,
    @JsonProperty("processing") PROCESSING,
    @JsonProperty("valid") VALID,
    @JsonProperty("invalid") INVALID,
    @JsonProperty("error") ERROR,
    @JsonProperty("expired") EXPIRED,
    @JsonProperty("canceled") CANCELED,
    @JsonEnumDefaultValue UNKNOWN;

    /** The API's spelling, e.g. {@code pending}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Nothing more will happen to a session in this status. */
    public boolean terminal() {
        return this != PENDING && this != PROCESSING && this != UNKNOWN;
    }
}
