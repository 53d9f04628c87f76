package dev.proofdesk.server.webhook;

/** A delivery row a dispatcher has reserved; {@code attempts} counts the attempts made before this one. */
record Claimed(String id, String accountId, String eventId, String endpointId, int attempts, String leaseToken) {
}
