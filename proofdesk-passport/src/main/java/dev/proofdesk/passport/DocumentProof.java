package dev.proofdesk.passport;

/**
 * What the holder submits. Any field may be null or garbage: verification reports that as a
 * result and never throws. {@code dg15} and the signature are absent for chips without
 * active authentication: the submission then carries no chip proof, which fails
 * {@code chip_authentication_unavailable} unless the flow allows passive authentication alone.
 */
public record DocumentProof(byte[] dg1, byte[] sod, byte[] dg15, byte[] activeAuthSignature) {
}
