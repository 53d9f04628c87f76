package dev.proofdesk.server.billing;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.event.Event;
import dev.proofdesk.server.event.EventSink;
import dev.proofdesk.server.session.SessionService;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.UniqueViolationException;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.MutableClock;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A refund commits with the status change or not at all: a crash injected after the refund, in
 * the same transaction, undoes both; repeating an end never pays twice.
 */
class RefundAtomicityTest {

    /** Fails the transaction that appends the chosen event type: after the refund, before commit. */
    static final class CrashAfterRefund implements EventSink {
        final AtomicReference<String> failOn = new AtomicReference<>();

        @Override
        public void onAppend(Handle handle, Event event) {
            if (event.type().equals(failOn.get())) {
                throw new IllegalStateException("injected crash after the refund of " + event.type());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aCrashAfterTheRefundRollsBackBothAndRepeatedEndsRefundOnce(Db db) throws Exception {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(db, clock, Map.of("PROOFDESK_SWEEP_INTERVAL_SECONDS", "3600"))) {
            Application app = server.app();
            HttpApi http = server.http();
            TestAccount account = server.newAccount(0);
            CrashAfterRefund crash = new CrashAfterRefund();
            app.environment(Environment.LIVE).events().addSink(crash);
            SessionService sessions = app.environment(Environment.LIVE).sessions();
            Credits.live(app).grant(account.id(), 100, "start", "t");
            String flow = Credits.publishedFlow(http, account.liveKey(), "pre_kyc");
            String canceled = create(http, account, flow);
            String expired = create(http, account, flow);
            assertThat(balance(app, account)).isEqualTo(50);

            crash.failOn.set("session.canceled");
            HttpApi.Response crashed = http.post("/v1/sessions/" + canceled + "/cancel", account.liveKey(), null);
            assertThat(crashed.status()).as(crashed.toString()).isEqualTo(500);
            assertThat(status(http, account, canceled)).isEqualTo("pending");
            assertThat(balance(app, account)).isEqualTo(50);
            assertThat(refunds(app, account)).isEmpty();

            crash.failOn.set("session.expired");
            clock.advance(Duration.ofHours(2));
            assertThatThrownBy(() -> sessions.expireDue(100)).hasMessageContaining("injected crash");
            assertThat(balance(app, account)).isEqualTo(50);
            assertThat(refunds(app, account)).isEmpty();

            crash.failOn.set(null);
            clock.advance(Duration.ofHours(-2));
            assertThat(http.post("/v1/sessions/" + canceled + "/cancel", account.liveKey(), null).status())
                    .isEqualTo(200);
            assertThat(http.post("/v1/sessions/" + canceled + "/cancel", account.liveKey(), null).status())
                    .isEqualTo(409);
            clock.advance(Duration.ofHours(2));
            assertThat(sessions.expireDue(100)).isEqualTo(1);
            assertThat(sessions.expireDue(100)).isZero();
            assertThat(http.post("/v1/sessions/" + expired + "/cancel", account.liveKey(), null).status())
                    .isEqualTo(409);
            assertThat(status(http, account, expired)).isEqualTo("expired");

            assertThat(balance(app, account)).isEqualTo(100);
            assertThat(refunds(app, account)).extracting(LedgerEntry::sessionId)
                    .containsExactlyInAnyOrder(canceled, expired);

            // The belt under the conditional UPDATE: the ledger itself refuses a second refund.
            assertThatThrownBy(() -> app.database().environment(Environment.LIVE).writeVoid(h ->
                    Credits.live(app).refund(h, account.id(), expired, 25, "expired")))
                    .isInstanceOf(UniqueViolationException.class);
            assertThat(balance(app, account)).isEqualTo(100);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void expiringTheSameSessionsFromManyThreadsAtOnceRefundsEachOnce(Db db) throws Exception {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(db, clock, Map.of("PROOFDESK_SWEEP_INTERVAL_SECONDS", "3600"))) {
            Application app = server.app();
            HttpApi http = server.http();
            TestAccount account = server.newAccount(0);
            SessionService sessions = app.environment(Environment.LIVE).sessions();
            Credits.live(app).grant(account.id(), 200, "start", "t");
            String flow = Credits.publishedFlow(http, account.liveKey(), "age_verification");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(create(http, account, flow));
            }
            clock.advance(Duration.ofHours(2));

            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int worker = t;
                    work.add(pool.submit(() -> {
                        if (worker % 2 == 0) {
                            sessions.expireDue(100);
                        } else {
                            ids.forEach(id -> http.get("/v1/sessions/" + id, account.liveKey()));
                        }
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
            }

            assertThat(balance(app, account)).isEqualTo(200);
            assertThat(refunds(app, account)).extracting(LedgerEntry::sessionId).containsExactlyInAnyOrderElementsOf(ids);
            ids.forEach(id -> assertThat(status(http, account, id)).isEqualTo("expired"));
        }
    }

    private static String create(HttpApi http, TestAccount account, String flow) {
        HttpApi.Response created = http.post("/v1/sessions", account.liveKey(),
                Map.of("flowId", flow, "expiresInSeconds", 3600));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().path("id").asText();
    }

    private static String status(HttpApi http, TestAccount account, String id) {
        return http.get("/v1/sessions/" + id, account.liveKey()).body().path("status").asText();
    }

    private static long balance(Application app, TestAccount account) {
        return Credits.live(app).balance(account.id());
    }

    private static List<LedgerEntry> refunds(Application app, TestAccount account) {
        return Credits.entries(app, account.id()).stream().filter(e -> e.kind() == LedgerEntry.Kind.REFUND).toList();
    }
}
