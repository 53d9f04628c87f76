package dev.proofdesk.server.apikey;

import dev.proofdesk.server.store.Environment;

/** Who is calling, as decided by the presented key: the account and the environment it reaches. */
public record Caller(String accountId, Environment environment, String keyId, KeyKind kind) {
    public boolean livemode() {
        return environment.livemode();
    }
}
