package dev.proofdesk.sdk.billing;

/**
 * Live credits: {@code credits} available for new sessions and {@code reserved} for sessions still
 * in progress (refunded if they end in error, expire or are canceled). With a test key both are
 * null and {@code message} says that billing does not apply.
 */
public record Balance(boolean livemode, Long credits, Long reserved, String message) {
}
