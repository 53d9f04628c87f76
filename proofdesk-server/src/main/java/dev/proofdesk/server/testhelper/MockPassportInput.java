package dev.proofdesk.server.testhelper;

/** The body of {@code POST /v1/test_helpers/mock_passports}; every field optional. */
public record MockPassportInput(
        String nationality,
        Integer age,
        String dateOfBirth,
        String ofac,
        String fullName,
        String documentNumber,
        String expiryDate,
        String documentType,
        String gender,
        String signatureAlgorithm,
        String defect,
        String chipAuthentication,
        String accessControl) {
}
