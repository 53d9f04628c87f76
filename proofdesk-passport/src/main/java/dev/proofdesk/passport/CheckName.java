package dev.proofdesk.passport;

/** Names of the checks as they appear in a session result. */
public final class CheckName {
    public static final String DOCUMENT_PARSED = "document_parsed";
    public static final String SOD_SIGNATURE = "sod_signature";
    public static final String ISSUER_CHAIN = "issuer_chain";
    public static final String DOCUMENT_SIGNER_VALIDITY = "document_signer_validity";
    public static final String DOCUMENT_SIGNER_REVOCATION = "document_signer_revocation";
    public static final String DATA_GROUP_HASHES = "data_group_hashes";
    /** The chip signed the verifier's challenge with its DG15 key. */
    public static final String ACTIVE_AUTHENTICATION = "active_authentication";
    /** The chip proved its DG14 key by Chip Authentication, or (failing) no chip proof was available. */
    public static final String CHIP_AUTHENTICATION = "chip_authentication";
    public static final String DOCUMENT_NOT_EXPIRED = "document_not_expired";
    public static final String DOCUMENT_TYPE = "document_type";
    public static final String MINIMUM_AGE = "minimum_age";
    public static final String COUNTRY = "country";
    public static final String SANCTIONS_SCREENING = "sanctions_screening";

    private CheckName() {
    }
}
