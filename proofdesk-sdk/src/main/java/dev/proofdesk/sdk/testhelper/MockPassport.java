package dev.proofdesk.sdk.testhelper;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A test-only document with the attributes you chose, signed by your deployment's mock issuer.
 * {@code chip} holds its data groups (base64) so you can inspect or submit them yourself.
 *
 * @param chipAuthentication how its chip proves itself: {@code active}, {@code chip} or {@code none}
 * @param accessControl how its chip opens: {@code bac}, {@code pace} or {@code both}
 * @param can the card access number printed on the document, to open the chip with PACE
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

    /**
     * The chip's files, base64: DG1 (MRZ), SOD (signed hashes) and DG15 (active-authentication key; null
     * for a chip without Active Authentication).
     */
    public record Chip(String dg1, String sod, String dg15) {
    }
}
