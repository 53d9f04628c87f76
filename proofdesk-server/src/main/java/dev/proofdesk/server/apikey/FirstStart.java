package dev.proofdesk.server.apikey;

import dev.proofdesk.server.account.Account;
import dev.proofdesk.server.account.AccountService;
import dev.proofdesk.server.store.Environment;

import java.util.Optional;

/**
 * On the very first start: a default account with a test secret key and a test publishable key.
 * No live key of any kind: live keys are only created on purpose, with
 * {@code proofdesk keys create --env live}.
 */
public final class FirstStart {
    private final AccountService accounts;
    private final ApiKeyService keys;

    public FirstStart(AccountService accounts, ApiKeyService keys) {
        this.accounts = accounts;
        this.keys = keys;
    }

    public record Result(Account account, String testSecretKey) {
    }

    public Optional<Result> run() {
        if (!accounts.list().isEmpty()) {
            return Optional.empty();
        }
        Account account = accounts.create("Default account");
        keys.create(account.id(), Environment.TEST, KeyKind.PUBLISHABLE, "first-start");
        String secret = keys.create(account.id(), Environment.TEST, KeyKind.SECRET, "first-start").secret();
        return Optional.of(new Result(account, secret));
    }
}
