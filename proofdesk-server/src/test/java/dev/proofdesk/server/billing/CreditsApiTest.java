package dev.proofdesk.server.billing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.Application;
import dev.proofdesk.server.event.Event;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CreditsApiTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void liveBalanceShowsCreditsAndTestSaysBillingDoesNotApply(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount(0);
        HttpApi http = server.http();

        HttpApi.Response empty = http.get("/v1/balance", account.liveKey());
        assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
        assertThat(empty.body().path("object").asText()).isEqualTo("balance");
        assertThat(empty.body().path("credits").asLong()).isZero();
        assertThat(empty.body().path("livemode").asBoolean()).isTrue();

        Credits.live(server.app()).grant(account.id(), 500, "welcome credits", "INV-1");
        HttpApi.Response live = http.get("/v1/balance", account.liveKey());
        assertThat(live.body().path("credits").asLong()).isEqualTo(500);
        assertThat(live.body().path("reserved").asLong()).isZero();

        HttpApi.Response test = http.get("/v1/balance", account.testKey());
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.body().path("livemode").asBoolean()).isFalse();
        assertThat(test.body().has("credits")).isFalse();
        assertThat(test.body().path("message").asText()).contains("test mode");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void liveSessionIsChargedItsProductCostAndRefundedOnceWhenCanceled(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount(0);
        HttpApi http = server.http();
        Credits.live(server.app()).grant(account.id(), 100, "start", "t");
        String flow = Credits.publishedFlow(http, account.liveKey(), "pre_kyc");

        HttpApi.Response created = http.post("/v1/sessions", account.liveKey(), Map.of("flowId", flow));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("cost").asInt()).isEqualTo(25);
        String id = created.body().path("id").asText();
        JsonNode balance = http.get("/v1/balance", account.liveKey()).body();
        assertThat(balance.path("credits").asLong()).isEqualTo(75);
        assertThat(balance.path("reserved").asLong()).isEqualTo(25);

        assertThat(http.post("/v1/sessions/" + id + "/cancel", account.liveKey(), null).status()).isEqualTo(200);
        assertThat(http.post("/v1/sessions/" + id + "/cancel", account.liveKey(), null).status()).isEqualTo(409);
        balance = http.get("/v1/balance", account.liveKey()).body();
        assertThat(balance.path("credits").asLong()).isEqualTo(100);
        assertThat(balance.path("reserved").asLong()).isZero();

        List<LedgerEntry> entries = Credits.entries(server.app(), account.id());
        assertThat(entries).extracting(LedgerEntry::kind).containsExactly(
                LedgerEntry.Kind.GRANT, LedgerEntry.Kind.CHARGE, LedgerEntry.Kind.REFUND);
        assertThat(entries).extracting(LedgerEntry::amount).containsExactly(100L, -25L, 25L);
        assertThat(entries.get(2).reason()).isEqualTo("session canceled");
        assertThat(entries.get(2).reference()).isEqualTo(id);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aLiveSessionThatEndsInErrorIsRefundedOnce(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount(0);
        HttpApi http = server.http();
        Credits.live(server.app()).grant(account.id(), 100, "start", "t");
        String flow = Credits.publishedFlow(http, account.liveKey(), "proof_of_human");
        JsonNode session = http.post("/v1/sessions", account.liveKey(), Map.of("flowId", flow)).body();
        String id = session.path("id").asText();
        String secret = session.path("clientSecret").asText();
        assertThat(Credits.live(server.app()).balance(account.id())).isEqualTo(90);

        HttpApi.Response challenge = http.get("/v1/sessions/" + id + "/challenge", secret);
        assertThat(challenge.status()).as(challenge.toString()).isEqualTo(200);
        String junk = Base64.getEncoder().encodeToString(new byte[64]);
        HttpApi.Response submitted = http.post("/v1/sessions/" + id + "/submission", secret,
                Map.of("dg1", junk, "sod", junk, "dg15", junk, "activeAuthSignature", junk));
        assertThat(submitted.body().path("status").asText()).as(submitted.toString()).isEqualTo("error");
        http.post("/v1/sessions/" + id + "/submission", secret,
                Map.of("dg1", junk, "sod", junk, "dg15", junk, "activeAuthSignature", junk));

        assertThat(Credits.live(server.app()).balance(account.id())).isEqualTo(100);
        assertThat(Credits.entries(server.app(), account.id())).filteredOn(e -> e.kind() == LedgerEntry.Kind.REFUND)
                .singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("session error"));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aBalanceBelowTheCostRefusesTheSessionWith402(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount(0);
        HttpApi http = server.http();
        Credits.live(server.app()).grant(account.id(), 24, "almost enough", "t");
        String flow = Credits.publishedFlow(http, account.liveKey(), "pre_kyc");

        HttpApi.Response refused = http.post("/v1/sessions", account.liveKey(), Map.of("flowId", flow));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(402);
        assertThat(refused.errorCode()).isEqualTo("insufficient_credits");
        assertThat(refused.body().path("error").path("details").path("balance").asLong()).isEqualTo(24);
        assertThat(refused.body().path("error").path("details").path("required").asLong()).isEqualTo(25);
        assertThat(refused.message()).contains("25").contains("24");

        assertThat(http.get("/v1/sessions", account.liveKey()).body().path("data")).isEmpty();
        assertThat(Credits.entries(server.app(), account.id())).hasSize(1);
        assertThat(Credits.live(server.app()).balance(account.id())).isEqualTo(24);

        HttpApi.Response inTest = http.post("/v1/sessions", account.testKey(),
                Map.of("flowId", Credits.publishedFlow(http, account.testKey(), "pre_kyc")));
        assertThat(inTest.status()).as("test is never billed").isEqualTo(201);
        assertThat(inTest.body().path("cost").asInt()).isEqualTo(25);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void creditsLowIsRecordedOncePerDownwardCrossingOfTheThreshold(Db db) {
        TestServer server = TestServer.shared(db);
        Application app = server.app();
        TestAccount account = server.newAccount(0);
        HttpApi http = server.http();
        Credits.live(app).grant(account.id(), 120, "start", "t");
        String flow = Credits.publishedFlow(http, account.liveKey(), "age_verification");

        String first = create(http, account, flow);   // 110
        create(http, account, flow);                  // 100: not below yet
        assertThat(creditsLow(app, account)).isEmpty();
        create(http, account, flow);                  // 90: crossed
        create(http, account, flow);                  // 80: still below, no second event
        List<Event> events = creditsLow(app, account);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().livemode()).isTrue();
        assertThat(events.getFirst().data().path("credits").asLong()).isEqualTo(90);
        assertThat(events.getFirst().data().path("threshold").asLong()).isEqualTo(100);

        Credits.live(app).grant(account.id(), 30, "top up", "t"); // 110: above again
        http.post("/v1/sessions/" + first + "/cancel", account.liveKey(), null); // 120
        create(http, account, flow);                  // 110
        create(http, account, flow);                  // 100
        assertThat(creditsLow(app, account)).hasSize(1);
        create(http, account, flow);                  // 90: the second crossing
        assertThat(creditsLow(app, account)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void theTestStoreHasNoLedgerTableAtAll(Db db) {
        TestServer server = TestServer.shared(db);
        var database = server.app().database();
        String sql = db == Db.SQLITE
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = :schema";
        List<String> test = database.environment(Environment.TEST).read(h -> h.createQuery(sql)
                .bind("schema", "test").mapTo(String.class).list());
        List<String> live = database.environment(Environment.LIVE).read(h -> h.createQuery(sql)
                .bind("schema", "live").mapTo(String.class).list());

        assertThat(test).contains("sessions").noneMatch(t -> t.startsWith("credit"));
        assertThat(live).contains("sessions", "credit_ledger", "credit_balances");
        assertThat(server.app().environment(Environment.TEST).credits()).isEmpty();
    }

    private static String create(HttpApi http, TestAccount account, String flow) {
        HttpApi.Response created = http.post("/v1/sessions", account.liveKey(), Map.of("flowId", flow));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().path("id").asText();
    }

    private static List<Event> creditsLow(Application app, TestAccount account) {
        return app.environment(Environment.LIVE).events()
                .list(account.id(), "billing.credits_low", null, 100);
    }
}
