package dev.proofdesk.server.testhelper;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;

/** A mock passport as the API shows it, chip files included so a person can inspect or submit them. */
public record MockPassport(
        String id,
        String documentType,
        String nationality,
        String issuingState,
        String surname,
        String givenNames,
        LocalDate dateOfBirth,
        LocalDate expiryDate,
        String documentNumber,
        String gender,
        String ofac,
        String defect,
        String signatureAlgorithm,
        Chip chip,
        boolean livemode,
        Instant createdAt) {

    public record Chip(String dg1, String sod, String dg15) {
    }

    @JsonProperty("object")
    public String object() {
        return "mock_passport";
    }
}
