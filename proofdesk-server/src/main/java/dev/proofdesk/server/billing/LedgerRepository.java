package dev.proofdesk.server.billing;

import dev.proofdesk.server.store.Dialect;
import dev.proofdesk.server.store.Rows;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** The ledger and its cached balance, in the live store. Ledger rows are only ever inserted. */
final class LedgerRepository {

    /** The cached balance row; {@code low} says the balance is below the credits_low threshold. */
    record BalanceRow(long credits, boolean low) {
    }

    private final Dialect dialect;

    LedgerRepository(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Creates the account's balance row at zero if it has none; concurrent callers are harmless. */
    void ensureBalance(Handle h, String accountId, boolean low, Instant now) {
        h.createUpdate("""
                INSERT INTO credit_balances (account_id, credits, low, updated_at)
                VALUES (:account, 0, :low, :now)
                ON CONFLICT (account_id) DO NOTHING""")
                .bind("account", accountId).bind("low", low ? 1 : 0).bind("now", now.toEpochMilli()).execute();
    }

    /**
     * Reads the balance and, on PostgreSQL, locks its row until the transaction ends, so two
     * charges of one account cannot both see the same credits (SQLite serialises writers anyway).
     */
    BalanceRow lockBalance(Handle h, String accountId) {
        return h.createQuery("SELECT credits, low FROM credit_balances WHERE account_id = :account"
                        + dialect.forUpdate())
                .bind("account", accountId)
                .map((rs, ctx) -> new BalanceRow(rs.getLong("credits"), rs.getInt("low") == 1)).one();
    }

    void updateBalance(Handle h, String accountId, long credits, boolean low, Instant now) {
        h.createUpdate("UPDATE credit_balances SET credits = :credits, low = :low, updated_at = :now "
                        + "WHERE account_id = :account")
                .bind("credits", credits).bind("low", low ? 1 : 0).bind("now", now.toEpochMilli())
                .bind("account", accountId).execute();
    }

    Optional<Long> balance(Handle h, String accountId) {
        return h.createQuery("SELECT credits FROM credit_balances WHERE account_id = :account")
                .bind("account", accountId).mapTo(Long.class).findOne();
    }

    void insert(Handle h, LedgerEntry e) {
        h.createUpdate("""
                INSERT INTO credit_ledger (id, account_id, kind, amount, balance_after, reason, reference,
                                           session_id, created_at)
                VALUES (:id, :account, :kind, :amount, :after, :reason, :reference, :session, :at)""")
                .bind("id", e.id()).bind("account", e.accountId()).bind("kind", e.kind().id())
                .bind("amount", e.amount()).bind("after", e.balanceAfter()).bind("reason", e.reason())
                .bind("reference", e.reference()).bind("session", e.sessionId())
                .bind("at", e.createdAt().toEpochMilli()).execute();
    }

    Optional<LedgerEntry> charge(Handle h, String sessionId) {
        return h.createQuery("SELECT * FROM credit_ledger WHERE session_id = :session AND kind = 'charge'")
                .bind("session", sessionId).map((rs, ctx) -> map(rs)).findOne();
    }

    /** Oldest first; {@code accountId} null means every account. */
    void forEach(Handle h, String accountId, Consumer<LedgerEntry> consumer) {
        String where = accountId == null ? "" : " WHERE account_id = :account";
        h.createQuery("SELECT * FROM credit_ledger" + where + " ORDER BY id")
                .bind("account", accountId).map((rs, ctx) -> map(rs)).forEach(consumer);
    }

    private static LedgerEntry map(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getString("id"), rs.getString("account_id"),
                LedgerEntry.Kind.parse(rs.getString("kind")), rs.getLong("amount"), rs.getLong("balance_after"),
                rs.getString("reason"), rs.getString("reference"), rs.getString("session_id"),
                Rows.requiredInstant(rs, "created_at"));
    }
}
