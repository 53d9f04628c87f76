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
    /** The chip answers with a key other than DG15's: {@code chip_not_genuine}. */
    CLONED_CHIP
}
