package dev.proofdesk.server.testhelper;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A mock passport as the API shows it, chip files included so a person can inspect or submit them.
 *
 * @param chipAuthentication how the chip proves itself: {@code active}, {@code chip} or {@code none}
 * @param accessControl how the chip opens: {@code bac}, {@code pace} or {@code both}
 * @param can the card access number printed on the document, for PACE; null for passports made before chips had one
 */
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
        String chipAuthentication,
        String accessControl,
        String can,
        Chip chip,
        boolean livemode,
        Instant createdAt) {

    /** DG1, SOD and (with Active Authentication only) DG15, base64. */
    public record Chip(String dg1, String sod, String dg15) {
    }

    @JsonProperty("object")
    public String object() {
        return "mock_passport";
    }
}
