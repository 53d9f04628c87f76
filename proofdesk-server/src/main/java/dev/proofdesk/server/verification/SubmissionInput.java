package dev.proofdesk.server.verification;

/** The body of {@code POST /v1/sessions/{id}/submission}: chip data files, base64. */
public record SubmissionInput(String dg1, String sod, String dg15, String activeAuthSignature) {
}
