package dev.proofdesk.server.verification;

import dev.proofdesk.passport.mock.MockIssuer;
import dev.proofdesk.passport.mock.MockIssuerState;
import dev.proofdesk.server.security.MasterKey;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.store.UniqueViolationException;

import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The deployment's mock issuer (CSCA and document signers) lives in the test store, its private
 * keys sealed with the master key. Created on first start; every later start and every other
 * process (the CLI) restores the same one.
 */
public final class MockIssuerStore {
    private static final String ID = "default";
    private static final String PURPOSE = "mock-issuer";

    private MockIssuerStore() {
    }

    public static MockIssuer loadOrCreate(Store testStore, MasterKey masterKey, Clock clock) {
        Optional<MockIssuer> existing = load(testStore, masterKey, clock);
        if (existing.isPresent()) {
            return existing.get();
        }
        MockIssuer fresh = MockIssuer.create(clock);
        String sealed = Base64.getEncoder().encodeToString(masterKey.seal(fresh.exportState().toBytes(), PURPOSE));
        try {
            testStore.writeVoid(h -> h.createUpdate(
                            "INSERT INTO mock_issuer (id, state, created_at) VALUES (:id, :state, :at)")
                    .bind("id", ID).bind("state", sealed).bind("at", clock.millis()).execute());
            return fresh;
        } catch (UniqueViolationException raced) {
            fresh.close();
            return load(testStore, masterKey, clock).orElseThrow();
        }
    }

    private static Optional<MockIssuer> load(Store testStore, MasterKey masterKey, Clock clock) {
        return testStore.read(h -> h.createQuery("SELECT state FROM mock_issuer WHERE id = :id")
                        .bind("id", ID).mapTo(String.class).findOne())
                .map(sealed -> MockIssuer.restore(MockIssuerState.fromBytes(
                        masterKey.open(Base64.getDecoder().decode(sealed), PURPOSE)), clock));
    }
}
