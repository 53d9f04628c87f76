package dev.proofdesk.server.verification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions completed with mock passports over real HTTP, through the verifier live uses. */
class DocumentProofApiTest {

    private static Map<String, Object> flow(Map<String, Object> rules, List<String> documents) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Proof");
        body.put("product", "pre_kyc");
        body.put("rules", rules);
        body.put("documents", documents);
        body.put("disclosures", Map.of("nationality", true, "dateOfBirth", true));
        return body;
    }

    private static List<String> failedCodes(JsonNode session) {
        List<String> codes = new ArrayList<>();
        session.path("result").path("checks").forEach(c -> {
            if (!c.path("passed").asBoolean()) {
                codes.add(c.path("code").asText());
            }
        });
        return codes;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aGoodMockPassportIsValidAndDisclosesOnlyWhatTheFlowAllows(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String flow = Fixtures.publishedFlow(http, account.testKey(), flow(Map.of("minimumAge", 18), List.of("passport")));
        JsonNode passport = Fixtures.mockPassport(http, account.testKey(),
                Map.of("nationality", "FRA", "age", 30, "fullName", "Jane Doe"));
        assertThat(passport.path("chip").path("dg1").asText()).isNotEmpty();
        assertThat(passport.path("issuingState").asText()).isEqualTo("UTO");

        String session = Fixtures.session(http, account.testKey(), flow);
        JsonNode done = Fixtures.complete(http, account.testKey(), session, passport.path("id").asText());
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("valid");
        assertThat(failedCodes(done)).isEmpty();
        assertThat(done.path("result").path("warnings")).as("the mock CSCA publishes a CRL").isEmpty();
        JsonNode attributes = done.path("result").path("attributes");
        assertThat(attributes.path("nationality").asText()).isEqualTo("FRA");
        assertThat(attributes.has("dateOfBirth")).isTrue();
        assertThat(attributes.has("fullName")).as("not disclosed").isFalse();
        assertThat(attributes.has("documentNumber")).isFalse();
        assertThat(done.path("result").path("nullifier").asText()).hasSizeGreaterThan(20);
        assertThat(done.path("completedAt").isNull()).isFalse();

        var events = server.app().environment(Environment.TEST).events()
                .list(account.id(), "verification.completed", null, 10);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().data().path("status").asText()).isEqualTo("valid");
        assertThat(events.getFirst().data().toString()).doesNotContain("JANE").doesNotContain("Jane");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void everyDefectReachesItsFailureCodeForEverySignatureAlgorithm(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String flow = Fixtures.publishedFlow(http, account.testKey(), flow(Map.of(), List.of("passport")));
        Map<String, String> expected = Map.of("tampered_data", "data_tampered", "bad_signature", "signature_invalid",
                "expired_document", "document_expired", "cloned_chip", "chip_not_genuine");
        for (String algorithm : List.of("RSA-2048", "RSA-PSS", "ECDSA-P256")) {
            JsonNode good = Fixtures.mockPassport(http, account.testKey(), Map.of("signatureAlgorithm", algorithm));
            JsonNode ok = Fixtures.complete(http, account.testKey(), Fixtures.session(http, account.testKey(), flow),
                    good.path("id").asText());
            assertThat(ok.path("status").asText()).as(algorithm + " " + ok).isEqualTo("valid");
            for (var defect : expected.entrySet()) {
                JsonNode passport = Fixtures.mockPassport(http, account.testKey(),
                        Map.of("signatureAlgorithm", algorithm, "defect", defect.getKey()));
                JsonNode done = Fixtures.complete(http, account.testKey(),
                        Fixtures.session(http, account.testKey(), flow), passport.path("id").asText());
                assertThat(done.path("status").asText()).as(algorithm + " " + defect.getKey()).isEqualTo("invalid");
                assertThat(failedCodes(done)).as(algorithm + " " + defect.getKey()).contains(defect.getValue());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void everyRuleBranchFailsWithItsCode(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String key = account.testKey();
        record Case(Map<String, Object> rules, List<String> documents, Map<String, Object> passport, String status,
                    String code) {
        }
        List<Case> cases = List.of(
                new Case(Map.of("minimumAge", 21), List.of("passport"), Map.of("age", 20), "invalid", "age_below_minimum"),
                new Case(Map.of("minimumAge", 21), List.of("passport"), Map.of("age", 21), "valid", null),
                new Case(Map.of("excludedCountries", List.of("PRK")), List.of("passport"), Map.of("nationality", "PRK"), "invalid", "country_not_allowed"),
                new Case(Map.of("includedCountries", List.of("D", "FRA")), List.of("passport"), Map.of("nationality", "ITA"), "invalid", "country_not_allowed"),
                new Case(Map.of("includedCountries", List.of("D", "FRA")), List.of("passport"), Map.of("nationality", "D"), "valid", null),
                new Case(Map.of(), List.of("passport"), Map.of("documentType", "id_card"), "invalid", "document_type_not_accepted"),
                new Case(Map.of(), List.of("passport", "id_card"), Map.of("documentType", "id_card"), "valid", null),
                new Case(Map.of("ofac", true), List.of("passport"), Map.of("ofac", "flagged"), "invalid", "ofac_match"),
                new Case(Map.of("ofac", false), List.of("passport"), Map.of("ofac", "flagged"), "valid", null),
                new Case(Map.of("rejectExpiredDocuments", false), List.of("passport"), Map.of("defect", "expired_document"), "valid", null));
        for (Case c : cases) {
            String flow = Fixtures.publishedFlow(http, key, flow(c.rules(), c.documents()));
            JsonNode passport = Fixtures.mockPassport(http, key, c.passport());
            JsonNode done = Fixtures.complete(http, key, Fixtures.session(http, key, flow), passport.path("id").asText());
            assertThat(done.path("status").asText()).as(c + " → " + done).isEqualTo(c.status());
            if (c.code() != null) {
                assertThat(failedCodes(done)).as(c.toString()).containsExactly(c.code());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void mockChipDataIsRefusedInLiveAsAMockDocument(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        JsonNode passport = Fixtures.mockPassport(http, account.testKey(), Map.of());
        String liveFlow = Fixtures.publishedFlow(http, account.liveKey(), flow(Map.of(), List.of("passport")));
        HttpApi.Response live = http.post("/v1/sessions", account.liveKey(), Map.of("flowId", liveFlow));
        String sessionId = live.body().path("id").asText();
        String secret = live.body().path("clientSecret").asText();
        assertThat(secret).startsWith("cs_live_");

        // Even a perfect chip answer (signed with the mock chip's own key) cannot make it valid in live.
        JsonNode done = Holder.submit(server, account, sessionId, secret, passport);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("invalid");
        assertThat(failedCodes(done)).contains("mock_document");

        HttpApi.Response helper = http.post("/v1/test_helpers/sessions/" + sessionId + "/complete", account.liveKey(),
                Map.of("mockPassportId", passport.path("id").asText()));
        assertThat(helper.status()).isEqualTo(403);
        assertThat(helper.errorCode()).isEqualTo("test_mode_only");
        assertThat(http.post("/v1/test_helpers/mock_passports", account.liveKey(), Map.of()).errorCode())
                .isEqualTo("test_mode_only");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void oneVerificationPerDocumentRefusesTheSamePassportTwice(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        Map<String, Object> body = flow(Map.of(), List.of("passport"));
        body.put("settings", Map.of("oneVerificationPerDocument", true));
        String flow = Fixtures.publishedFlow(http, account.testKey(), body);
        String passport = Fixtures.mockPassport(http, account.testKey(), Map.of()).path("id").asText();
        JsonNode first = Fixtures.complete(http, account.testKey(), Fixtures.session(http, account.testKey(), flow), passport);
        JsonNode second = Fixtures.complete(http, account.testKey(), Fixtures.session(http, account.testKey(), flow), passport);
        assertThat(first.path("status").asText()).isEqualTo("valid");
        assertThat(second.path("status").asText()).isEqualTo("invalid");
        assertThat(failedCodes(second)).containsExactly("document_already_used");
        assertThat(second.path("result").path("nullifier")).isEqualTo(first.path("result").path("nullifier"));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void oneVerificationPerDocumentHoldsWhenCompletionsRace(Db db) throws Exception {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String key = account.testKey();
        Map<String, Object> body = flow(Map.of(), List.of("passport"));
        body.put("settings", Map.of("oneVerificationPerDocument", true));
        String flow = Fixtures.publishedFlow(http, key, body);
        for (int round = 0; round < 3; round++) {
            String passport = Fixtures.mockPassport(http, key, Map.of()).path("id").asText();
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sessions.add(Fixtures.session(http, key, flow));
            }
            CyclicBarrier start = new CyclicBarrier(sessions.size());
            List<Future<JsonNode>> done = new ArrayList<>();
            try (var pool = Executors.newFixedThreadPool(sessions.size())) {
                for (String session : sessions) {
                    done.add(pool.submit(() -> {
                        start.await();
                        return Fixtures.complete(http, key, session, passport);
                    }));
                }
            }
            List<String> statuses = new ArrayList<>();
            for (var f : done) {
                statuses.add(f.get().path("status").asText());
            }
            assertThat(statuses).as("round " + round).containsOnly("valid", "invalid")
                    .filteredOn("valid"::equals).hasSize(1);
            for (var f : done) {
                if (f.get().path("status").asText().equals("invalid")) {
                    assertThat(failedCodes(f.get())).containsExactly("document_already_used");
                }
            }
        }
    }
}
