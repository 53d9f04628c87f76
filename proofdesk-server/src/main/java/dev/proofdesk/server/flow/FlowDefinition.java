package dev.proofdesk.server.flow;

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

    public record Rules(
            Integer minimumAge,
            List<String> includedCountries,
            List<String> excludedCountries,
            boolean ofac,
            boolean rejectExpiredDocuments) {
        public Rules {
            includedCountries = List.copyOf(includedCountries);
            excludedCountries = List.copyOf(excludedCountries);
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
