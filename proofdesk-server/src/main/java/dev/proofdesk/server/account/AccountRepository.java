package dev.proofdesk.server.account;

import dev.proofdesk.server.store.Dialect;
import dev.proofdesk.server.store.Rows;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Accounts in the control store. */
final class AccountRepository {

    void insert(Handle h, Account account) {
        h.createUpdate("INSERT INTO accounts (id, name, created_at) VALUES (:id, :name, :at)")
                .bind("id", account.id()).bind("name", account.name())
                .bind("at", account.createdAt().toEpochMilli()).execute();
    }

    List<Account> list(Handle h) {
        return h.createQuery("SELECT * FROM accounts ORDER BY id").map((rs, ctx) -> map(rs)).list();
    }

    Optional<Account> find(Handle h, String id) {
        return h.createQuery("SELECT * FROM accounts WHERE id = :id").bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    /** Locks the account's row until the transaction ends; false when there is no such account. */
    boolean lock(Handle h, Dialect dialect, String id) {
        return h.createQuery("SELECT id FROM accounts WHERE id = :id" + dialect.forUpdate())
                .bind("id", id).mapTo(String.class).findOne().isPresent();
    }

    private static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("name"), Rows.requiredInstant(rs, "created_at"));
    }
}
