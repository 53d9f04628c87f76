package dev.proofdesk.passport;

/** The failure codes of DESIGN §5, as the API spells them. */
public enum FailureCode {
    DOCUMENT_MALFORMED,
    SIGNATURE_INVALID,
    ISSUER_UNTRUSTED,
    MOCK_DOCUMENT,
    DATA_TAMPERED,
    CHIP_NOT_GENUINE,
    /** The chip did not prove itself (no DG14 key, no DG15, or no proof submitted) and the flow requires it. */
    CHIP_AUTHENTICATION_UNAVAILABLE,
    DOCUMENT_EXPIRED,
    AGE_BELOW_MINIMUM,
    COUNTRY_NOT_ALLOWED,
    DOCUMENT_TYPE_NOT_ACCEPTED,
    OFAC_MATCH;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
