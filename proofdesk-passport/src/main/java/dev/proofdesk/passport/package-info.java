/**
 * ICAO 9303 document proofs.
 *
 * <p>The server needs four entry points. {@link dev.proofdesk.passport.DocumentVerifier} decides
 * one submission for one environment. {@link dev.proofdesk.passport.mock.MockIssuer} issues the
 * test environment's documents and keeps its keys in {@link dev.proofdesk.passport.mock.MockIssuerState}.
 * {@link dev.proofdesk.passport.pki.TrustAnchors} (with {@link dev.proofdesk.passport.pki.MasterList}
 * and {@link dev.proofdesk.passport.pki.Certificates}) holds what an environment trusts.
 * {@link dev.proofdesk.passport.sanctions.SanctionsList} screens holders against OFAC's SDN list.
 * {@link dev.proofdesk.passport.aa.ChipSigner} answers challenges for stored mock chips.
 */
package dev.proofdesk.passport;
