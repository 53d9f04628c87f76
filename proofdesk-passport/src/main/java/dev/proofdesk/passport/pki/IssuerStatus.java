package dev.proofdesk.passport.pki;

/** Where the document signer's chain ends, as seen by one environment. */
public enum IssuerStatus {
    /** Signed by an anchor of this environment. */
    TRUSTED,
    /**
     * Not trusted here, but a Proofdesk test document used in live: issued by a known mock CSCA, or
     * by another deployment's, whose document signer carries the mock certificate policy.
     */
    MOCK,
    /** Not issued by any anchor of this environment. */
    UNTRUSTED
}
