package dev.proofdesk.server.support;

/** An account with one secret key per environment. */
public record TestAccount(String id, String testKey, String liveKey) {
}
