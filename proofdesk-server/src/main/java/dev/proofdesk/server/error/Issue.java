package dev.proofdesk.server.error;

/** One problem with a request: where it is ({@code rules.minimumAge}) and what to do about it. */
public record Issue(String path, String message) {
}
