package dev.proofdesk.server.billing;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.session.Session;
import dev.proofdesk.server.session.SessionInput;
import dev.proofdesk.server.session.SessionService;
import dev.proofdesk.server.session.SessionStatus;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.MutableClock;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** 10,000 test sessions, created, completed, canceled and expired, leave every live balance and ledger row as it was. */
class TestModeNeverBillsTest {
    private static final int SESSIONS = 10_000;
    private static final int OVER_HTTP = 200;
    private static final int THREADS = 4;

    @ParameterizedTest
    @EnumSource(Db.class)
    void tenThousandTestSessionsLeaveLiveBalancesAndTheLedgerUntouched(Db db) throws Exception {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(db, clock, Map.of("PROOFDESK_SWEEP_INTERVAL_SECONDS", "3600"))) {
            Application app = server.app();
            HttpApi http = server.http();
            TestAccount account = server.newAccount(0);
            TestAccount other = server.newAccount(0);
            Credits.live(app).grant(account.id(), 1_000, "start", "t");
            Credits.live(app).grant(other.id(), 40, "start", "t");
            String liveFlow = Credits.publishedFlow(http, account.liveKey(), "pre_kyc");
            String liveSession = http.post("/v1/sessions", account.liveKey(), Map.of("flowId", liveFlow))
                    .body().path("id").asText();
            http.post("/v1/sessions/" + liveSession + "/cancel", account.liveKey(), null);
            http.post("/v1/sessions", account.liveKey(), Map.of("flowId", liveFlow));
            List<LedgerEntry> ledgerBefore = Credits.entries(app, null);
            List<Long> balancesBefore = balances(app, account, other);

            String testFlow = Credits.publishedFlow(http, account.testKey(), "pre_kyc");
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < OVER_HTTP; i++) {
                HttpApi.Response created = http.post("/v1/sessions", account.testKey(), Map.of("flowId", testFlow));
                assertThat(created.status()).isEqualTo(201);
                assertThat(created.body().path("cost").asInt()).as("what it would cost in live").isEqualTo(25);
                ids.add(created.body().path("id").asText());
            }
            SessionService testSessions = app.environment(Environment.TEST).sessions();
            SessionInput input = new SessionInput(testFlow, null, null, null, null, null);
            inParallel(SESSIONS - OVER_HTTP, i -> ids.add(testSessions.create(account.id(), input).id()));

            for (int i = 0; i < OVER_HTTP; i += 3) {
                assertThat(http.post("/v1/sessions/" + ids.get(i) + "/cancel", account.testKey(), null).status())
                        .isEqualTo(200);
            }
            String passport = Fixtures.mockPassport(http, account.testKey(), Map.of("nationality", "FRA", "age", 30))
                    .path("id").asText();
            for (int i = 1; i < OVER_HTTP; i += 3 * 5) {
                assertThat(Fixtures.complete(http, account.testKey(), ids.get(i), passport).path("status").asText())
                        .isEqualTo("valid");
            }
            List<String> rest = ids.subList(OVER_HTTP, ids.size());
            inParallel(rest.size(), i -> {
                if (i % 3 == 0) {
                    testSessions.cancel(account.id(), rest.get(i));
                }
            });
            clock.advance(Duration.ofHours(2));
            // Reading an overdue session expires it on the spot: the same end() the sweeper uses.
            inParallel(rest.size(), i -> {
                if (i % 3 == 1) {
                    assertThat(testSessions.get(account.id(), rest.get(i)).status()).isEqualTo(SessionStatus.EXPIRED);
                }
            });
            for (int n = testSessions.expireDue(500); n > 0; n = testSessions.expireDue(500)) {
                // the sweeper takes the rest
            }

            int completed = (OVER_HTTP - 2) / 15 + 1;
            int canceled = (OVER_HTTP + 2) / 3 + (rest.size() + 2) / 3;
            assertThat(testSessions.list(account.id(), "expired", null, null, 1).size()).isOne();
            List<String> byStatus = app.database().environment(Environment.TEST).read(h -> h.createQuery(
                    "SELECT status, COUNT(*) AS n FROM sessions GROUP BY status ORDER BY status")
                    .map((rs, ctx) -> rs.getString("status") + "=" + rs.getInt("n")).list());
            assertThat(byStatus).containsExactly("canceled=" + canceled, "expired=" + (SESSIONS - canceled - completed),
                    "valid=" + completed);
            Session sample = testSessions.get(account.id(), ids.getLast());
            assertThat(sample.cost()).isEqualTo(25);
            assertThat(sample.livemode()).isFalse();
            assertThat(Credits.entries(app, null)).isEqualTo(ledgerBefore);
            assertThat(balances(app, account, other)).isEqualTo(balancesBefore).containsExactly(975L, 40L);
            assertThat(http.get("/v1/balance", account.liveKey()).body().path("credits").asLong()).isEqualTo(975);
            assertThat(app.environment(Environment.TEST).events()
                    .list(account.id(), "billing.credits_low", null, 10)).isEmpty();
        }
    }

    private interface Step {
        void run(int i);
    }

    private static void inParallel(int count, Step step) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < count; i += THREADS) {
                        step.run(i);
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        }
    }

    private static List<Long> balances(Application app, TestAccount... accounts) {
        List<Long> balances = new ArrayList<>();
        for (TestAccount a : accounts) {
            balances.add(Credits.live(app).balance(a.id()));
        }
        return balances;
    }
}
