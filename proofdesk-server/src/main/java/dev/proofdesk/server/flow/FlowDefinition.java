package dev.proofdesk.server.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The portable part of a flow: what export writes and import reads. No ids, no environment.
 * Every field is filled in (defaults applied) once it has passed {@link FlowValidator}.
 */
public record FlowDefinition(
        String name,
        String product,
        Rules rules,
        List<String> documents,
        Disclosures disclosures,
        Settings settings) {

    public FlowDefinition {
        documents = List.copyOf(documents);
    }

    /**
     * @param requireChipAuthentication without a chip that proved itself genuine (Chip or Active
     *     Authentication) the verdict is invalid with {@code chip_authentication_unavailable}; when
     *     false, passive authentication alone can pass
     */
    public record Rules(
            Integer minimumAge,
            List<String> includedCountries,
            List<String> excludedCountries,
            boolean ofac,
            boolean rejectExpiredDocuments,
            boolean requireChipAuthentication) {
        public Rules {
            includedCountries = List.copyOf(includedCountries);
            excludedCountries = List.copyOf(excludedCountries);
        }

        /** Definitions stored before the rule existed required a genuine chip, and still do. */
        @JsonCreator
        static Rules stored(@JsonProperty("minimumAge") Integer minimumAge,
                            @JsonProperty("includedCountries") List<String> includedCountries,
                            @JsonProperty("excludedCountries") List<String> excludedCountries,
                            @JsonProperty("ofac") boolean ofac,
                            @JsonProperty("rejectExpiredDocuments") boolean rejectExpiredDocuments,
                            @JsonProperty("requireChipAuthentication") Boolean requireChipAuthentication) {
            return new Rules(minimumAge, includedCountries, excludedCountries, ofac, rejectExpiredDocuments,
                    requireChipAuthentication == null || requireChipAuthentication);
        }
    }

    /** Which attributes a result may reveal; nothing else is ever returned or stored. */
    public record Disclosures(
            boolean nationality,
            boolean dateOfBirth,
            boolean fullName,
            boolean documentNumber,
            boolean gender,
            boolean expirationDate,
            boolean issuingState) {
        public static final Disclosures NONE = new Disclosures(false, false, false, false, false, false, false);
    }

    public record Settings(
            int sessionTtlSeconds,
            String successUrl,
            String failureUrl,
            boolean oneVerificationPerDocument) {
    }
}
