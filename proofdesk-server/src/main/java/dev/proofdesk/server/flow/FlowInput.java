package dev.proofdesk.server.flow;

import java.util.List;

/**
 * A flow as a client sends it: every field optional, unknown fields refused by the JSON reader.
 * On create, missing fields take defaults; on update, missing fields keep their current value.
 */
public record FlowInput(
        String name,
        String product,
        RulesInput rules,
        List<String> documents,
        DisclosuresInput disclosures,
        SettingsInput settings) {

    public record RulesInput(
            Integer minimumAge,
            List<String> includedCountries,
            List<String> excludedCountries,
            Boolean ofac,
            Boolean rejectExpiredDocuments,
            Boolean requireChipAuthentication) {
    }

    public record DisclosuresInput(
            Boolean nationality,
            Boolean dateOfBirth,
            Boolean fullName,
            Boolean documentNumber,
            Boolean gender,
            Boolean expirationDate,
            Boolean issuingState) {
    }

    public record SettingsInput(
            Integer sessionTtlSeconds,
            String successUrl,
            String failureUrl,
            Boolean oneVerificationPerDocument) {
    }
}
