package dev.proofdesk.server.account;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Rows;
import dev.proofdesk.server.store.Store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Accounts live in the control store: they own one test and one live environment. */
public final class AccountService {
    private final Store control;
    private final Clock clock;

    public AccountService(Store control, Clock clock) {
        this.control = control;
        this.clock = clock;
    }

    public Account create(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.validation("name", "must be 1 to 200 characters");
        }
        Account account = new Account(Ids.newId(), name.strip(), Instant.ofEpochMilli(clock.millis()));
        control.writeVoid(h -> h.createUpdate("INSERT INTO accounts (id, name, created_at) VALUES (:id, :name, :at)")
                .bind("id", account.id()).bind("name", account.name())
                .bind("at", account.createdAt().toEpochMilli()).execute());
        return account;
    }

    public List<Account> list() {
        return control.read(h -> h.createQuery("SELECT * FROM accounts ORDER BY id")
                .map((rs, ctx) -> map(rs)).list());
    }

    public Optional<Account> find(String id) {
        return control.read(h -> h.createQuery("SELECT * FROM accounts WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    private static Account map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(rs.getString("id"), rs.getString("name"), Rows.requiredInstant(rs, "created_at"));
    }

    /** The only account, for commands that may omit {@code --account} while there is just one. */
    public Account sole() {
        List<Account> accounts = list();
        if (accounts.size() != 1) {
            throw ApiException.validation("account", accounts.isEmpty()
                    ? "there is no account yet; start the server once with `proofdesk serve`"
                    : "there are " + accounts.size() + " accounts; name one with --account");
        }
        return accounts.getFirst();
    }
}
