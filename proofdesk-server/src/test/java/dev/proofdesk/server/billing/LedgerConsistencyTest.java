package dev.proofdesk.server.billing;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.session.Session;
import dev.proofdesk.server.session.SessionInput;
import dev.proofdesk.server.session.SessionService;
import dev.proofdesk.server.session.SessionStatus;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.MutableClock;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A seeded random mix of grants, creations, cancels and expiries: the ledger always adds up. */
class LedgerConsistencyTest {
    private static final long SEED = 20_240_605L;
    private static final int STEPS = 300;
    private static final Map<String, Integer> COSTS = Map.of("pre_kyc", 25, "age_verification", 10,
            "proof_of_human", 10);

    @ParameterizedTest
    @EnumSource(Db.class)
    void ledgerSumsEqualTheBalanceAfterARandomMixOfOperations(Db db) {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(db, clock, Map.of("PROOFDESK_SWEEP_INTERVAL_SECONDS", "3600"))) {
            Application app = server.app();
            HttpApi http = server.http();
            TestAccount account = server.newAccount(0);
            SessionService sessions = app.environment(Environment.LIVE).sessions();
            CreditLedger ledger = Credits.live(app);
            Map<String, String> flows = new LinkedHashMap<>();
            COSTS.keySet().stream().sorted().forEach(p -> flows.put(p, Credits.publishedFlow(http, account.liveKey(), p)));
            List<String> products = List.copyOf(flows.keySet());
            Map<String, Integer> created = new LinkedHashMap<>();
            Paid paid = new Paid(sessions, account);
            long granted = 0;
            int refusals = 0;
            Random random = new Random(SEED);

            for (int step = 0; step < STEPS; step++) {
                int op = random.nextInt(10);
                if (op == 0) {
                    long amount = 1 + random.nextInt(80);
                    ledger.grant(account.id(), amount, "step " + step, "seed");
                    granted += amount;
                } else if (op <= 5) {
                    String product = products.get(random.nextInt(products.size()));
                    long expected = granted - paid.total();
                    SessionInput input = new SessionInput(flows.get(product), null, 60 + random.nextInt(600),
                            null, null, null);
                    if (expected < COSTS.get(product)) {
                        ApiException refused = catchThrowableOfType(ApiException.class,
                                () -> sessions.create(account.id(), input));
                        assertThat(refused.status()).isEqualTo(402);
                        assertThat(refused.details()).containsEntry("balance", expected)
                                .containsEntry("required", (long) COSTS.get(product));
                        refusals++;
                    } else {
                        Session session = sessions.create(account.id(), input);
                        created.put(session.id(), session.cost());
                        paid.add(session);
                    }
                } else if (op <= 7 && !created.isEmpty()) {
                    String id = new ArrayList<>(created.keySet()).get(random.nextInt(created.size()));
                    http.post("/v1/sessions/" + id + "/cancel", account.liveKey(), null); // 200, or 409 if ended
                } else {
                    clock.advance(Duration.ofSeconds(random.nextInt(300)));
                    sessions.expireDue(500);
                }
                assertConsistent(ledger, account, granted - paid.total());
            }
            assertThat(refusals).as("the mix reaches the edge of the balance").isPositive();
            assertThat(created).hasSizeGreaterThan(50);
        }
    }

    /** The model: what the account should have paid, the cost of each session not ended unverified. */
    private static final class Paid {
        private final SessionService sessions;
        private final TestAccount account;
        private final Map<String, Integer> open = new LinkedHashMap<>();
        private long total;

        Paid(SessionService sessions, TestAccount account) {
            this.sessions = sessions;
            this.account = account;
        }

        void add(Session session) {
            open.put(session.id(), session.cost());
            total += session.cost();
        }

        long total() {
            open.entrySet().removeIf(e -> {
                SessionStatus status = sessions.get(account.id(), e.getKey()).status();
                boolean refunded = status == SessionStatus.CANCELED || status == SessionStatus.EXPIRED;
                if (refunded) {
                    total -= e.getValue();
                }
                return refunded;
            });
            return total;
        }
    }

    private static void assertConsistent(CreditLedger ledger, TestAccount account, long expected) {
        List<LedgerEntry> entries = new ArrayList<>();
        ledger.forEachEntry(account.id(), entries::add);
        long running = 0;
        for (LedgerEntry e : entries) {
            running += e.amount();
            assertThat(e.balanceAfter()).as("balance after %s", e).isEqualTo(running).isNotNegative();
        }
        assertThat(ledger.balance(account.id())).isEqualTo(running).isEqualTo(expected);
    }
}
