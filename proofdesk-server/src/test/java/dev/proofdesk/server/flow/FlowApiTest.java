package dev.proofdesk.server.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FlowApiTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void createsADraftWithDefaultsAndPublishesIt(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();

        HttpApi.Response created = http.post("/v1/flows", account.testKey(), Fixtures.flowBody("Adults only"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode flow = created.body();
        assertThat(flow.path("object").asText()).isEqualTo("flow");
        assertThat(flow.path("status").asText()).isEqualTo("draft");
        assertThat(flow.path("version").asInt()).isEqualTo(1);
        assertThat(flow.path("livemode").asBoolean()).isFalse();
        assertThat(flow.path("rules").path("minimumAge").asInt()).isEqualTo(18);
        assertThat(flow.path("rules").path("ofac").asBoolean()).isTrue();
        assertThat(flow.path("rules").path("rejectExpiredDocuments").asBoolean()).isTrue();
        assertThat(flow.path("documents").toString()).isEqualTo("[\"passport\"]");
        assertThat(flow.path("settings").path("sessionTtlSeconds").asInt()).isEqualTo(3600);
        assertThat(flow.path("disclosures").path("nationality").asBoolean()).isTrue();
        assertThat(flow.path("disclosures").path("fullName").asBoolean()).isFalse();
        assertThat(created.header("X-Request-Id")).startsWith("req_");

        String id = flow.path("id").asText();
        HttpApi.Response published = http.post("/v1/flows/" + id + "/publish", account.testKey(), null);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body().path("status").asText()).isEqualTo("published");
        assertThat(published.body().path("publishedVersion").asInt()).isEqualTo(1);
        assertThat(published.body().path("publishedAt").isNull()).isFalse();

        HttpApi.Response again = http.post("/v1/flows/" + id + "/publish", account.testKey(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("conflict");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void editingAPublishedFlowStartsANewDraftAndKeepsThePublishedVersion(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String id = Fixtures.publishedFlow(http, account.testKey());

        HttpApi.Response edited = http.post("/v1/flows/" + id, account.testKey(),
                Map.of("rules", Map.of("minimumAge", 21)));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.body().path("version").asInt()).isEqualTo(2);
        assertThat(edited.body().path("status").asText()).isEqualTo("draft");
        assertThat(edited.body().path("publishedVersion").asInt()).isEqualTo(1);
        assertThat(edited.body().path("rules").path("minimumAge").asInt()).isEqualTo(21);
        // untouched parts of the rules survive a partial update
        assertThat(edited.body().path("rules").path("excludedCountries").toString()).isEqualTo("[\"PRK\"]");

        HttpApi.Response editedAgain = http.post("/v1/flows/" + id, account.testKey(), Map.of("name", "Over 21"));
        assertThat(editedAgain.body().path("version").asInt()).as("drafts are edited in place").isEqualTo(2);

        // new sessions still pin version 1 until version 2 is published
        HttpApi.Response session = http.post("/v1/sessions", account.testKey(), Map.of("flowId", id));
        String v1 = edited.body().path("publishedVersionId").asText();
        assertThat(session.body().path("flowVersionId").asText()).isEqualTo(v1);

        HttpApi.Response versions = http.get("/v1/flows/" + id + "/versions", account.testKey());
        assertThat(versions.body().path("data")).hasSize(2);
        assertThat(versions.body().path("data").get(0).path("status").asText()).isEqualTo("draft");
        assertThat(versions.body().path("data").get(1).path("status").asText()).isEqualTo("published");

        http.post("/v1/flows/" + id + "/publish", account.testKey(), null);
        HttpApi.Response after = http.post("/v1/sessions", account.testKey(), Map.of("flowId", id));
        assertThat(after.body().path("flowVersionId").asText()).isNotEqualTo(v1);
        HttpApi.Response old = http.get("/v1/sessions/" + session.body().path("id").asText(), account.testKey());
        assertThat(old.body().path("flowVersionId").asText()).as("sessions keep their pinned version").isEqualTo(v1);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void exportsAPortableDefinitionThatImportsAsADraftInTheOtherEnvironment(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String id = Fixtures.publishedFlow(http, account.testKey());

        HttpApi.Response export = http.get("/v1/flows/" + id + "/export", account.testKey());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().has("id")).isFalse();
        assertThat(export.body().has("livemode")).isFalse();

        HttpApi.Response imported = http.post("/v1/flows/import", account.liveKey(), export.raw());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.body().path("livemode").asBoolean()).isTrue();
        assertThat(imported.body().path("status").asText()).as("promotion never publishes").isEqualTo("draft");
        assertThat(imported.body().path("id").asText()).isNotEqualTo(id);
        assertThat(imported.body().path("rules")).isEqualTo(export.body().path("rules"));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void listsNewestFirstWithCursorPagination(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        for (int i = 0; i < 5; i++) {
            http.post("/v1/flows", account.testKey(), Fixtures.flowBody("Flow " + i));
        }
        HttpApi.Response first = http.get("/v1/flows?limit=2", account.testKey());
        assertThat(first.body().path("data")).hasSize(2);
        assertThat(first.body().path("hasMore").asBoolean()).isTrue();
        assertThat(first.body().path("data").get(0).path("name").asText()).isEqualTo("Flow 4");
        String last = first.body().path("data").get(1).path("id").asText();
        HttpApi.Response second = http.get("/v1/flows?limit=3&startingAfter=" + last, account.testKey());
        assertThat(second.body().path("data")).hasSize(3);
        assertThat(second.body().path("hasMore").asBoolean()).isFalse();
        assertThat(second.body().path("data").get(2).path("name").asText()).isEqualTo("Flow 0");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void validationNamesEveryBadField(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi.Response response = server.http().post("/v1/flows", account.testKey(), Map.of(
                "name", "Bad",
                "product", "kyc_plus",
                "rules", Map.of("minimumAge", 130, "includedCountries", List.of("FRA", "DEU", "fra", "XYZ"),
                        "excludedCountries", List.of("GBR")),
                "documents", List.of("driving_licence")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("validation_failed");
        JsonNode issues = response.body().path("error").path("details").path("issues");
        assertThat(issues.findValuesAsText("path")).contains("product", "rules.minimumAge",
                "rules.includedCountries[1]", "rules.includedCountries[2]", "rules.includedCountries[3]", "rules",
                "documents[0]");
        assertThat(issues.toString()).contains("Germany as 'D'");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void acceptsGermanyAsDAndRefusesMoreThanFortyCountries(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        HttpApi.Response ok = http.post("/v1/flows", account.testKey(), Map.of("name", "EU", "product", "pre_kyc",
                "rules", Map.of("includedCountries", List.of("D", "FRA", "ITA"))));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);

        List<String> many = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3).stream()
                .filter(c -> !c.equals("DEU")).sorted().limit(41).toList();
        HttpApi.Response tooMany = http.post("/v1/flows", account.testKey(), Map.of("name", "Many",
                "product", "pre_kyc", "rules", Map.of("excludedCountries", many)));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.message()).contains("rules.excludedCountries").contains("at most 40");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void archivedFlowsRefuseChangesAndSessions(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String id = Fixtures.publishedFlow(http, account.testKey());
        assertThat(http.post("/v1/flows/" + id + "/archive", account.testKey(), null).body().path("status").asText())
                .isEqualTo("archived");
        assertThat(http.post("/v1/flows/" + id, account.testKey(), Map.of("name", "x")).status()).isEqualTo(409);
        HttpApi.Response session = http.post("/v1/sessions", account.testKey(), Map.of("flowId", id));
        assertThat(session.status()).isEqualTo(409);
        assertThat(session.message()).contains("archived");
    }
}
