package dev.proofdesk.passport.pki;

/** Where the document signer's chain ends, as seen by one environment. */
public enum IssuerStatus {
    /** Signed by an anchor of this environment. */
    TRUSTED,
    /** Not trusted here, but issued by a known Proofdesk mock CSCA (a test document used in live). */
    MOCK,
    /** Not issued by any anchor of this environment. */
    UNTRUSTED
}
