package dev.proofdesk.sdk.flow;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What a flow verifies; it sets the credit cost of each live session. */
public enum Product {
    @JsonProperty("age_verification") AGE_VERIFICATION,
    @JsonProperty("pre_kyc") PRE_KYC,
    @JsonProperty("proof_of_human") PROOF_OF_HUMAN,
    /** A product added by a newer server; never send it. */
    @JsonEnumDefaultValue @JsonProperty("unknown") UNKNOWN
}
