package dev.proofdesk.server.account;

import java.time.Instant;

public record Account(String id, String name, Instant createdAt) {
}
