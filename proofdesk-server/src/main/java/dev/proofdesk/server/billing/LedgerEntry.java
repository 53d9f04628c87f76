package dev.proofdesk.server.billing;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One immutable row of the live credit ledger. {@code amount} is signed: grants and refunds add,
 * charges subtract. {@code sessionId} is set for charges and refunds, null for grants.
 */
public record LedgerEntry(String id, String accountId, Kind kind, long amount, long balanceAfter, String reason,
                          String reference, String sessionId, Instant createdAt) {

    public enum Kind {
        GRANT, CHARGE, REFUND;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind parse(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    public LedgerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(createdAt, "createdAt");
        if (balanceAfter < 0) {
            throw new IllegalArgumentException("a balance never goes below zero (got " + balanceAfter + ")");
        }
        if (kind == Kind.CHARGE ? amount > 0 : amount < 0) {
            throw new IllegalArgumentException(kind.id() + " of " + amount + " has the wrong sign");
        }
    }
}
