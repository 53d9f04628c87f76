package dev.proofdesk.server.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The flow rule {@code requireChipAuthentication}: on by default, portable, and on for flows stored before it. */
class ChipAuthenticationRuleTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void theRuleIsOnByDefaultAndTravelsWithExportAndImport(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String id = Fixtures.publishedFlow(http, account.testKey());
        assertThat(http.get("/v1/flows/" + id, account.testKey()).body().path("rules")
                .path("requireChipAuthentication").asBoolean()).isTrue();

        HttpApi.Response off = http.post("/v1/flows/" + id, account.testKey(),
                Map.of("rules", Map.of("requireChipAuthentication", false)));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.body().path("rules").path("requireChipAuthentication").asBoolean()).isFalse();
        assertThat(off.body().path("rules").path("minimumAge").asInt()).as("a partial update keeps the rest").isEqualTo(18);

        assertThat(http.get("/v1/flows/" + id + "/export", account.testKey()).body().path("rules")
                .path("requireChipAuthentication").asBoolean()).as("the published version still requires it").isTrue();
        assertThat(http.post("/v1/flows/" + id + "/publish", account.testKey(), null).status()).isEqualTo(200);
        HttpApi.Response export = http.get("/v1/flows/" + id + "/export", account.testKey());
        assertThat(export.body().path("rules").path("requireChipAuthentication").asBoolean()).isFalse();
        HttpApi.Response imported = http.post("/v1/flows/import", account.liveKey(), export.raw());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.body().path("rules").path("requireChipAuthentication").asBoolean()).isFalse();

        HttpApi.Response wrongType = http.post("/v1/flows/" + id, account.testKey(),
                Map.of("rules", Map.of("requireChipAuthentication", "no")));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.message()).contains("rules.requireChipAuthentication").contains("true or false");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aFlowStoredBeforeTheRuleExistedRequiresAGenuineChip(Db db) throws Exception {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String id = Fixtures.publishedFlow(http, account.testKey(), Map.of("name", "Old", "product", "pre_kyc",
                "rules", Map.of("requireChipAuthentication", false)));
        var store = server.app().environment(Environment.TEST).store();
        String stored = store.read(h -> h.createQuery("SELECT definition FROM flow_versions WHERE flow_id = :f")
                .bind("f", id).mapTo(String.class).one());
        ObjectNode old = (ObjectNode) server.app().json().readTree(stored);
        ((ObjectNode) old.path("rules")).remove("requireChipAuthentication");
        store.writeVoid(h -> h.createUpdate("UPDATE flow_versions SET definition = :d WHERE flow_id = :f")
                .bind("d", old.toString()).bind("f", id).execute());

        HttpApi.Response flow = http.get("/v1/flows/" + id, account.testKey());
        assertThat(flow.status()).as(flow.toString()).isEqualTo(200);
        assertThat(flow.body().path("rules").path("requireChipAuthentication").asBoolean()).isTrue();

        JsonNode usPassport = Fixtures.mockPassport(http, account.testKey(), Map.of("chipAuthentication", "none"));
        JsonNode done = Fixtures.complete(http, account.testKey(), Fixtures.session(http, account.testKey(), id),
                usPassport.path("id").asText());
        assertThat(done.path("status").asText()).isEqualTo("invalid");
        assertThat(done.path("result").path("checks").toString()).contains("chip_authentication_unavailable");
    }
}
