package dev.proofdesk.server.billing;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.event.EventType;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Credits of the live environment: an append-only ledger of grants, charges and refunds, with
 * the balance kept in step in the same transaction. It refuses to be built on any store but the
 * live one, which is also the only store whose schema has the ledger.
 */
public final class CreditLedger implements SessionBilling {
    public static final long MAX_GRANT = 1_000_000_000L;

    private final Store store;
    private final EventLog events;
    private final Clock clock;
    private final long lowThreshold;
    private final LedgerRepository ledger;

    public CreditLedger(Store store, EventLog events, Clock clock, long lowThreshold) {
        if (store.environment().orElse(null) != Environment.LIVE) {
            throw new IllegalArgumentException("the credit ledger exists only in the live store, not " + store.name());
        }
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.lowThreshold = lowThreshold;
        this.ledger = new LedgerRepository(store.dialect());
    }

    @Override
    public void charge(Handle h, String accountId, String sessionId, int cost) {
        apply(h, accountId, LedgerEntry.Kind.CHARGE, -cost, "session created", sessionId, sessionId);
    }

    /**
     * Gives back exactly what the session was charged; a session never charged (created before
     * billing, or in another environment) has nothing to refund. The ledger's unique (session,
     * kind) makes a second refund fail its transaction rather than pay twice.
     */
    @Override
    public void refund(Handle h, String accountId, String sessionId, int cost, String reason) {
        ledger.charge(h, sessionId).ifPresent(charge -> apply(h, charge.accountId(), LedgerEntry.Kind.REFUND,
                -charge.amount(), "session " + reason, sessionId, sessionId));
    }

    /** Adds credits on the operator's word; {@code reference} is e.g. an invoice number. */
    public LedgerEntry grant(String accountId, long amount, String reason, String reference) {
        if (amount < 1 || amount > MAX_GRANT) {
            throw ApiException.validation("amount", "must be a whole number of credits from 1 to " + MAX_GRANT
                    + " (got " + amount + ")");
        }
        String why = requireText("reason", reason);
        String ref = requireText("reference", reference);
        return store.write(h -> apply(h, accountId, LedgerEntry.Kind.GRANT, amount, why, ref, null));
    }

    /** The account's credits; zero for an account that never had any. */
    public long balance(String accountId) {
        return store.read(h -> ledger.balance(h, accountId).orElse(0L));
    }

    /** Streams ledger rows oldest first, for export; {@code accountId} null means every account. */
    public void forEachEntry(String accountId, Consumer<LedgerEntry> consumer) {
        store.read(h -> {
            ledger.forEach(h, accountId, consumer);
            return null;
        });
    }

    private LedgerEntry apply(Handle h, String accountId, LedgerEntry.Kind kind, long amount, String reason,
                              String reference, String sessionId) {
        Instant now = clock.instant();
        ledger.ensureBalance(h, accountId, isLow(0), now);
        LedgerRepository.BalanceRow before = ledger.lockBalance(h, accountId);
        long after = before.credits() + amount;
        if (after < 0) {
            throw ApiException.insufficientCredits(before.credits(), -amount);
        }
        LedgerEntry entry = new LedgerEntry(Ids.newId(), accountId, kind, amount, after, reason, reference,
                sessionId, now);
        ledger.insert(h, entry);
        boolean low = isLow(after);
        ledger.updateBalance(h, accountId, after, low, now);
        if (low && !before.low()) {
            events.append(h, accountId, EventType.BILLING_CREDITS_LOW, creditsLow(after));
        }
        return entry;
    }

    private boolean isLow(long credits) {
        return credits < lowThreshold;
    }

    private Map<String, Object> creditsLow(long credits) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("object", "balance");
        data.put("credits", credits);
        data.put("threshold", lowThreshold);
        data.put("livemode", true);
        return data;
    }

    private static String requireText(String field, String value) {
        String text = Optional.ofNullable(value).map(String::strip).orElse("");
        if (text.isEmpty() || text.length() > 200) {
            throw ApiException.validation(field, "must be 1 to 200 characters");
        }
        return text;
    }
}
