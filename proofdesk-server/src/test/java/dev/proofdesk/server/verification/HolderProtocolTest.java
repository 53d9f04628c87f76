package dev.proofdesk.server.verification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.passport.aa.ChipSigner;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.MockIssuer;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.server.dashboard.user.Role;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.DashboardClient;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class HolderProtocolTest {

    private record Live(String sessionId, String secret) {
    }

    private static Live testSession(HttpApi http, String key) {
        String flow = Fixtures.publishedFlow(http, key);
        HttpApi.Response r = http.post("/v1/sessions", key, Map.of("flowId", flow));
        return new Live(r.body().path("id").asText(), r.body().path("clientSecret").asText());
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void theSignChallengeHelperLetsAnyClientPlayTheHolderWithAMockChip(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        JsonNode genuine = Fixtures.mockPassport(http, account.testKey(), Map.of("age", 40));
        JsonNode cloned = Fixtures.mockPassport(http, account.testKey(), Map.of("defect", "cloned_chip"));

        Live s = testSession(http, account.testKey());
        String challenge = Holder.challenge(http, s.sessionId(), s.secret());
        HttpApi.Response signed = http.post("/v1/test_helpers/mock_passports/" + genuine.path("id").asText()
                + "/sign_challenge", account.testKey(), Map.of("challenge", challenge));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        byte[] signature = Base64.getDecoder().decode(signed.body().path("activeAuthSignature").asText());
        HttpApi.Response done = http.send("POST", "/v1/sessions/" + s.sessionId() + "/submission", s.secret(),
                Holder.body(genuine, signature), Map.of());
        assertThat(done.body().path("status").asText()).as(done.toString()).isEqualTo("valid");

        // A cloned chip signs with a key other than the one its DG15 states, as a real clone would.
        Live other = testSession(http, account.testKey());
        String otherChallenge = Holder.challenge(http, other.sessionId(), other.secret());
        String clonedSignature = http.post("/v1/test_helpers/mock_passports/" + cloned.path("id").asText()
                + "/sign_challenge", account.testKey(), Map.of("challenge", otherChallenge))
                .body().path("activeAuthSignature").asText();
        HttpApi.Response refused = http.send("POST", "/v1/sessions/" + other.sessionId() + "/submission", other.secret(),
                Holder.body(cloned, Base64.getDecoder().decode(clonedSignature)), Map.of());
        assertThat(refused.body().path("status").asText()).isEqualTo("invalid");
        assertThat(refused.body().path("result").path("checks").toString()).contains("chip_not_genuine");

        String path = "/v1/test_helpers/mock_passports/" + genuine.path("id").asText() + "/sign_challenge";
        HttpApi.Response notBase64 = http.post(path, account.testKey(), Map.of("challenge", "not base64!"));
        assertThat(notBase64.status()).isEqualTo(400);
        assertThat(notBase64.toString()).contains("challenge");
        assertThat(http.post(path, account.testKey(), Map.of()).status()).isEqualTo(400);
        assertThat(http.post(path, account.liveKey(), Map.of("challenge", challenge)).errorCode())
                .isEqualTo("test_mode_only");
        TestAccount stranger = server.newAccount();
        assertThat(http.post(path, stranger.testKey(), Map.of("challenge", challenge)).status())
                .as("another account's mock passport").isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aReplayedSubmissionWithAnOldChallengeIsNotGenuine(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        JsonNode passport = Fixtures.mockPassport(http, account.testKey(), Map.of("age", 40));
        Live s = testSession(http, account.testKey());
        String old = Holder.challenge(http, s.sessionId(), s.secret());
        byte[] recorded = ChipSigner.sign(Holder.chipKey(server, account, passport), Base64.getDecoder().decode(old));
        Holder.challenge(http, s.sessionId(), s.secret()); // a new challenge replaces the old one

        HttpApi.Response r = http.send("POST", "/v1/sessions/" + s.sessionId() + "/submission", s.secret(),
                Holder.body(passport, recorded), Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("status").asText()).isEqualTo("invalid");
        assertThat(r.body().path("result").path("checks").toString()).contains("chip_not_genuine");

        HttpApi.Response again = http.send("POST", "/v1/sessions/" + s.sessionId() + "/submission", s.secret(),
                Holder.body(passport, recorded), Map.of());
        assertThat(again.status()).as("a completed session refuses submissions").isEqualTo(409);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void malformedInputIsA400OrAnErrorNeverA500(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        JsonNode passport = Fixtures.mockPassport(http, account.testKey(), Map.of());
        Live s = testSession(http, account.testKey());

        HttpApi.Response noSecret = http.send("GET", "/v1/sessions/" + s.sessionId() + "/challenge", null, null, Map.of());
        assertThat(noSecret.status()).isEqualTo(401);
        HttpApi.Response apiKey = http.send("GET", "/v1/sessions/" + s.sessionId() + "/challenge", account.testKey(), null, Map.of());
        assertThat(apiKey.status()).isEqualTo(401);
        HttpApi.Response wrongSecret = http.send("GET", "/v1/sessions/" + s.sessionId() + "/challenge",
                s.secret().substring(0, s.secret().length() - 2) + "xx", null, Map.of());
        assertThat(wrongSecret.status()).isEqualTo(401);

        HttpApi.Response noChallenge = http.send("POST", "/v1/sessions/" + s.sessionId() + "/submission", s.secret(),
                Holder.body(passport, new byte[64]), Map.of());
        assertThat(noChallenge.status()).isEqualTo(409);
        assertThat(noChallenge.message()).contains("challenge");

        Holder.challenge(http, s.sessionId(), s.secret());
        Map<String, Object> notBase64 = Map.of("dg1", "***", "sod", "AA==", "dg15", "AA==", "activeAuthSignature", "AA==");
        HttpApi.Response bad = http.send("POST", "/v1/sessions/" + s.sessionId() + "/submission", s.secret(), notBase64, Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).contains("dg1");
        String huge = Base64.getEncoder().encodeToString(new byte[100_000]);
        HttpApi.Response oversized = http.send("POST", "/v1/sessions/" + s.sessionId() + "/submission", s.secret(),
                Map.of("dg1", "AA==", "sod", huge, "dg15", "AA==", "activeAuthSignature", "AA=="), Map.of());
        assertThat(oversized.status()).isEqualTo(400);
        HttpApi.Response wrongType = http.send("POST", "/v1/sessions/" + s.sessionId() + "/submission", s.secret(),
                Map.of("dg1", 12, "sod", "AA==", "dg15", "AA==", "activeAuthSignature", "AA=="), Map.of());
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(http.get("/v1/sessions/" + s.sessionId(), account.testKey()).body().path("status").asText())
                .as("refused input does not consume the session").isEqualTo("pending");

        Random random = new Random(42);
        byte[] noise = new byte[300];
        random.nextBytes(noise);
        String junk = Base64.getEncoder().encodeToString(noise);
        HttpApi.Response garbage = http.send("POST", "/v1/sessions/" + s.sessionId() + "/submission", s.secret(),
                Map.of("dg1", junk, "sod", junk, "dg15", junk, "activeAuthSignature", junk), Map.of());
        assertThat(garbage.status()).as(garbage.toString()).isEqualTo(200);
        assertThat(garbage.body().path("status").asText()).isEqualTo("error");
        assertThat(garbage.body().path("result").path("error").asText()).isEqualTo("document_malformed");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void liveVerifiesDocumentsAgainstImportedAnchorsOnly(Db db) throws Exception {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        // Another issuing authority: its CSCA is unknown to live until imported.
        try (MockIssuer authority = MockIssuer.create(Clock.systemUTC())) {
            MockDocument doc = authority.issue(MockDocumentSpec.passport(LocalDate.of(1980, 5, 17), SignatureAlgorithm.RSA_2048));
            JsonNode chip = server.app().json().valueToTree(Map.of("chip", Map.of(
                    "dg1", Base64.getEncoder().encodeToString(doc.dg1()),
                    "sod", Base64.getEncoder().encodeToString(doc.sod()),
                    "dg15", Base64.getEncoder().encodeToString(doc.dg15()))));
            String flow = Fixtures.publishedFlow(http, account.liveKey());

            JsonNode before = submitLive(http, account, flow, chip, doc.chipKeyPkcs8());
            assertThat(before.path("status").asText()).isEqualTo("invalid");
            // Another deployment's mock issuer: its certificate policy names the document a test one.
            assertThat(before.path("result").path("checks").toString()).contains("mock_document")
                    .doesNotContain("issuer_untrusted");

            var trust = server.app().environment(Environment.LIVE).trust();
            var imported = trust.importFile("csca.der", authority.cscaCertificate().getEncoded());
            assertThat(imported.certificatesAdded()).isEqualTo(1);
            assertThat(trust.importFile("csca.der", authority.cscaCertificate().getEncoded()).certificatesKnown()).isEqualTo(1);

            JsonNode after = submitLive(http, account, flow, chip, doc.chipKeyPkcs8());
            assertThat(after.path("status").asText()).as(after.toString()).isEqualTo("valid");

            // No CRL was imported, and before the import the chain failed: revocation was never checked.
            assertThat(revocation(before).path("skipped").asBoolean()).as(before.toString()).isTrue();
            assertThat(revocation(after).path("skipped").asBoolean()).as(after.toString()).isTrue();
            assertThat(revocation(after).path("passed").asBoolean()).isTrue();
            assertThat(after.path("result").path("checks").findValues("skipped")).as("every check says")
                    .hasSize(after.path("result").path("checks").size());
            var events = server.app().environment(Environment.LIVE).events()
                    .list(account.id(), "verification.completed", null, 10);
            assertThat(events).extracting(e -> revocation(e.data()).path("skipped").asBoolean()).containsOnly(true);
            DashboardClient browser = new DashboardClient(server.baseUrl())
                    .signedIn(server.newUser(account, Role.OWNER));
            String page = browser.get("/dashboard/live/sessions/" + after.path("id").asText()).body();
            assertThat(page).containsPattern("document_signer_revocation</td><td><span class=\"badge badge-skipped\">");
        }
    }

    private static JsonNode revocation(JsonNode session) {
        for (JsonNode check : session.path("result").path("checks")) {
            if (check.path("name").asText().equals("document_signer_revocation")) {
                return check;
            }
        }
        throw new AssertionError("no revocation check in " + session);
    }

    private static JsonNode submitLive(HttpApi http, TestAccount account, String flow, JsonNode passport, byte[] chipKey) {
        HttpApi.Response created = http.post("/v1/sessions", account.liveKey(), Map.of("flowId", flow));
        String id = created.body().path("id").asText();
        String secret = created.body().path("clientSecret").asText();
        String challenge = Holder.challenge(http, id, secret);
        byte[] signature = ChipSigner.sign(chipKey, Base64.getDecoder().decode(challenge));
        HttpApi.Response r = http.send("POST", "/v1/sessions/" + id + "/submission", secret,
                Holder.body(passport, signature), Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }
}
