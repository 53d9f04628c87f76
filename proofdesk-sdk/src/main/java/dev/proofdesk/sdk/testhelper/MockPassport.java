package dev.proofdesk.sdk.testhelper;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A test-only document with the attributes you chose, signed by your deployment's mock issuer.
 * {@code chip} holds its data groups (base64) so you can inspect or submit them yourself.
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
        Chip chip,
        boolean livemode,
        Instant createdAt) {

    /** The chip's files, base64: DG1 (MRZ), SOD (signed hashes) and DG15 (active-authentication key). */
    public record Chip(String dg1, String sod, String dg15) {
    }
}
