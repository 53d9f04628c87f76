package dev.proofdesk.server.account;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Resource;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Accounts live in the control store: they own one test and one live environment. */
public final class AccountService {
    private final Store control;
    private final Clock clock;
    private final AccountRepository accounts = new AccountRepository();

    public AccountService(Store control, Clock clock) {
        this.control = control;
        this.clock = clock;
    }

    public Account create(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.validation("name", "must be 1 to 200 characters");
        }
        Account account = new Account(Ids.newId(), name.strip(), clock.instant());
        control.writeVoid(h -> accounts.insert(h, account));
        return account;
    }

    public List<Account> list() {
        return control.read(accounts::list);
    }

    public Optional<Account> find(String id) {
        return control.read(h -> accounts.find(h, id));
    }

    /** 404 unless the account exists, read in the caller's control-store transaction. */
    public void require(Handle controlHandle, String id) {
        accounts.find(controlHandle, id).orElseThrow(() -> ApiException.notFound(Resource.ACCOUNT, id));
    }

    /**
     * Locks the account in the caller's control-store transaction, so that changes counted per account
     * (its active keys, say) are made one at a time; 404 when there is no such account.
     */
    public void lock(Handle controlHandle, String id) {
        if (!accounts.lock(controlHandle, control.dialect(), id)) {
            throw ApiException.notFound(Resource.ACCOUNT, id);
        }
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
