package dev.proofdesk.server.testhelper;

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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Mock passports' chips through the API: how they prove themselves and open, and passports made before that. */
class MockChipsTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void mockPassportsSayHowTheirChipProvesItselfAndOpens(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();

        JsonNode plain = Fixtures.mockPassport(http, account.testKey(), Map.of());
        assertThat(plain.path("chipAuthentication").asText()).isEqualTo("active");
        assertThat(plain.path("accessControl").asText()).isEqualTo("both");
        assertThat(plain.path("can").asText()).matches("\\d{6}");
        assertThat(plain.path("chip").path("dg15").asText()).isNotEmpty();

        JsonNode card = Fixtures.mockPassport(http, account.testKey(), Map.of("documentType", "id_card",
                "chipAuthentication", "chip", "accessControl", "pace"));
        assertThat(card.path("chipAuthentication").asText()).isEqualTo("chip");
        assertThat(card.path("accessControl").asText()).isEqualTo("pace");
        assertThat(card.path("chip").path("dg15").isNull()).isTrue();
        assertThat(http.get("/v1/test_helpers/mock_passports/" + card.path("id").asText(), account.testKey()).body())
                .isEqualTo(card);

        HttpApi.Response refused = http.post("/v1/test_helpers/mock_passports", account.testKey(),
                Map.of("chipAuthentication", "dg14", "accessControl", "nfc"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("error").path("details").path("issues").toString())
                .contains("chipAuthentication").contains("[active, chip, none]")
                .contains("accessControl").contains("[bac, pace, both]");
        HttpApi.Response wrongType = http.post("/v1/test_helpers/mock_passports", account.testKey(),
                Map.of("chipAuthentication", true));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.message()).contains("chipAuthentication");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aMockPassportMadeBeforeChipsWereKeptWholeStillCompletesSessions(Db db) throws Exception {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        JsonNode passport = Fixtures.mockPassport(http, account.testKey(), Map.of("age", 33));
        String id = passport.path("id").asText();
        var store = server.app().environment(Environment.TEST).store();
        String stored = store.read(h -> h.createQuery("SELECT attributes FROM mock_passports WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
        ObjectNode old = (ObjectNode) server.app().json().readTree(stored);
        old.remove(List.of("chipAuthentication", "accessControl", "can"));
        store.writeVoid(h -> h.createUpdate("UPDATE mock_passports SET chip_image = NULL, attributes = :a WHERE id = :id")
                .bind("a", old.toString()).bind("id", id).execute());

        JsonNode legacy = http.get("/v1/test_helpers/mock_passports/" + id, account.testKey()).body();
        assertThat(legacy.path("chipAuthentication").asText()).isEqualTo("active");
        assertThat(legacy.path("accessControl").asText()).isEqualTo("bac");
        assertThat(legacy.path("can").isNull()).isTrue();
        String flow = Fixtures.publishedFlow(http, account.testKey());
        JsonNode done = Fixtures.complete(http, account.testKey(), Fixtures.session(http, account.testKey(), flow), id);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("valid");
        assertThat(done.path("result").path("chipAuthentication").asText()).isEqualTo("active_authentication");
    }
}
