package dev.proofdesk.passport.mock;

/** How a mock chip proves it is genuine. */
public enum ChipAuthentication {
    /** Active Authentication with the DG15 key (RSA or EC, as the document's signature algorithm). */
    ACTIVE,
    /** Chip Authentication with a DG14 key (ECDH P-256, AES), and no DG15: like German, French or UK passports. */
    CHIP,
    /** Neither DG14 nor DG15: like US passports. */
    NONE
}
