package dev.proofdesk.server.billing;

import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentChargesTest {
    private static final int REQUESTS = 64;
    private static final long BALANCE = 255;
    private static final int COST = 10; // age_verification

    @ParameterizedTest
    @EnumSource(Db.class)
    void exactlyBalanceOverCostOf64ConcurrentLiveSessionsSucceedAndTheRestGet402(Db db) throws Exception {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount(0);
        HttpApi http = server.http();
        Credits.live(server.app()).grant(account.id(), BALANCE, "race", "t");
        String flow = Credits.publishedFlow(http, account.liveKey(), "age_verification");

        List<Integer> statuses = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(REQUESTS)) {
            List<Future<HttpApi.Response>> calls = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return http.post("/v1/sessions", account.liveKey(), Map.of("flowId", flow));
                }));
            }
            go.countDown();
            for (Future<HttpApi.Response> call : calls) {
                HttpApi.Response response = call.get();
                if (response.status() == 402) {
                    assertThat(response.errorCode()).isEqualTo("insufficient_credits");
                }
                statuses.add(response.status());
            }
        }

        long winners = BALANCE / COST;
        assertThat(statuses).filteredOn(s -> s == 201).hasSize((int) winners);
        assertThat(statuses).filteredOn(s -> s == 402).hasSize(REQUESTS - (int) winners);
        long left = BALANCE - winners * COST;
        assertThat(Credits.live(server.app()).balance(account.id())).isEqualTo(left);
        List<LedgerEntry> entries = Credits.entries(server.app(), account.id());
        assertThat(Credits.sum(entries)).isEqualTo(left);
        assertThat(entries).allSatisfy(e -> assertThat(e.balanceAfter()).isNotNegative());
        assertThat(entries).filteredOn(e -> e.kind() == LedgerEntry.Kind.CHARGE).hasSize((int) winners);
        assertThat(http.get("/v1/sessions?limit=100", account.liveKey()).body().path("data")).hasSize((int) winners);
    }
}
