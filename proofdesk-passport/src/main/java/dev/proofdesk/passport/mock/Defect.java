package dev.proofdesk.passport.mock;

/** A deliberate flaw in a mock document, to exercise one failure branch of verification. */
public enum Defect {
    NONE,
    /** DG1 altered after the SOD hashed it: {@code data_tampered}. */
    TAMPERED_DATA,
    /** SOD signature bytes corrupted: {@code signature_invalid}. */
    BAD_SIGNATURE,
    /** Expiry date in the past: {@code document_expired}. */
    EXPIRED_DOCUMENT,
    /**
     * Genuine data groups copied onto another chip: it answers Active Authentication and Chip
     * Authentication with keys other than DG15's and DG14's, so either fails {@code chip_not_genuine}.
     */
    CLONED_CHIP
}
