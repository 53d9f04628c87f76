package dev.proofdesk.server.billing;

import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The balance of one environment: in live the ledger's credits and those held by sessions still in
 * progress; in test, where there is no ledger, only the note that billing does not apply.
 */
public final class Balances {
    private final Optional<CreditLedger> credits;
    private final ToLongFunction<String> reservedCredits;

    public Balances(Optional<CreditLedger> credits, ToLongFunction<String> reservedCredits) {
        this.credits = credits;
        this.reservedCredits = reservedCredits;
    }

    public Balance of(String accountId) {
        return credits.map(ledger -> Balance.live(ledger.balance(accountId), reservedCredits.applyAsLong(accountId)))
                .orElseGet(Balance::test);
    }
}
