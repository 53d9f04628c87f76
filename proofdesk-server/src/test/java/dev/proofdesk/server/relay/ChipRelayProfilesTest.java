package dev.proofdesk.server.relay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.passport.emulator.ChipEmulator;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.RelayProbe;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of chip read end to end through a real relay WebSocket, by the test helper and by a
 * reader of our own: the server is the terminal, the emulated chip only answers APDUs.
 */
class ChipRelayProfilesTest {

    static Map<String, Object> flow(boolean requireChipAuthentication) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Chip relay");
        body.put("product", "pre_kyc");
        body.put("rules", Map.of("requireChipAuthentication", requireChipAuthentication));
        body.put("documents", List.of("passport", "id_card"));
        body.put("disclosures", Map.of("nationality", true));
        return body;
    }

    static List<String> failedCodes(JsonNode session) {
        List<String> codes = new ArrayList<>();
        session.path("result").path("checks").forEach(c -> {
            if (!c.path("passed").asBoolean()) {
                codes.add(c.path("code").asText());
            }
        });
        return codes;
    }

    private record Case(Map<String, Object> passport, boolean rule, String status, String chipAuthentication,
                        List<String> failures) {
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void everyChipProfileReachesItsVerdictThroughTheTestHelpersRelay(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String required = Fixtures.publishedFlow(http, account.testKey(), flow(true));
        String optional = Fixtures.publishedFlow(http, account.testKey(), flow(false));
        List<Case> cases = List.of(
                new Case(Map.of("chipAuthentication", "active", "signatureAlgorithm", "ECDSA-P256"), true,
                        "valid", "active_authentication", List.of()),
                new Case(Map.of("chipAuthentication", "active", "signatureAlgorithm", "RSA-2048", "accessControl", "bac"),
                        true, "valid", "active_authentication", List.of()),
                new Case(Map.of("chipAuthentication", "chip"), true, "valid", "chip_authentication", List.of()),
                new Case(Map.of("chipAuthentication", "chip", "accessControl", "pace", "documentType", "id_card"), true,
                        "valid", "chip_authentication", List.of()),
                new Case(Map.of("chipAuthentication", "none"), true, "invalid", "none",
                        List.of("chip_authentication_unavailable")),
                new Case(Map.of("chipAuthentication", "none", "accessControl", "bac"), false, "valid", "none", List.of()),
                new Case(Map.of("chipAuthentication", "active", "defect", "cloned_chip"), true, "invalid",
                        "active_authentication", List.of("chip_not_genuine")),
                new Case(Map.of("chipAuthentication", "chip", "defect", "cloned_chip"), false, "invalid",
                        "chip_authentication", List.of("chip_not_genuine")));
        for (Case c : cases) {
            JsonNode passport = Fixtures.mockPassport(http, account.testKey(), c.passport());
            assertThat(passport.path("chipAuthentication").asText()).isEqualTo(c.passport().get("chipAuthentication"));
            String session = Fixtures.session(http, account.testKey(), c.rule() ? required : optional);
            JsonNode done = Fixtures.complete(http, account.testKey(), session, passport.path("id").asText());
            assertThat(done.path("status").asText()).as(c + " → " + done).isEqualTo(c.status());
            assertThat(failedCodes(done)).as(c.toString()).containsExactlyElementsOf(c.failures());
            if (!c.failures().contains("chip_not_genuine")) {
                assertThat(done.path("result").path("chipAuthentication").asText()).as(c.toString())
                        .isEqualTo(c.chipAuthentication());
            }
        }
        var events = server.app().environment(Environment.TEST).events()
                .list(account.id(), "verification.completed", null, 20);
        assertThat(events).hasSize(cases.size());
        assertThat(events).extracting(e -> e.data().path("result").path("chipAuthentication").asText())
                .as("webhooks carry how the chip proved itself")
                .contains("chip_authentication", "active_authentication", "none");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aWrongAccessKeyIsRefusedClearlyAndTheHolderCanTryAgain(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String flow = Fixtures.publishedFlow(http, account.testKey(), flow(true));
        JsonNode passport = Fixtures.mockPassport(http, account.testKey(), Map.of("chipAuthentication", "chip"));
        JsonNode session = http.post("/v1/sessions", account.testKey(), Map.of("flowId", flow)).body();
        String id = session.path("id").asText();
        String secret = session.path("clientSecret").asText();
        byte[] image = server.app().mockPassports().chipImage(account.id(), passport.path("id").asText()).orElseThrow();

        try (RelayProbe probe = RelayProbe.open(server.baseUrl(), id, secret)) {
            probe.send(Map.of("type", "access", "documentNumber", passport.path("documentNumber").asText(),
                    "dateOfBirth", "010101", "dateOfExpiry", mrz(passport.path("expiryDate").asText())));
            JsonNode refused = new Reader().relay(probe, ChipEmulator.fromImage(image));
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("access_denied");
            assertThat(refused.path("message").asText()).contains("document number");
            assertThat(probe.awaitClose().status()).isEqualTo(1000);
        }
        assertThat(status(http, account, id)).as("a wrong key does not use up the session").isEqualTo("pending");

        Reader reader = new Reader();
        try (RelayProbe probe = RelayProbe.open(server.baseUrl(), id, secret)) {
            probe.send(mrzAccess(passport));
            JsonNode result = reader.relay(probe, ChipEmulator.fromImage(image));
            assertThat(result.path("type").asText()).as(result.toString()).isEqualTo("result");
            assertThat(result.path("status").asText()).isEqualTo("valid");
            assertThat(result.path("chipAuthentication").asText()).isEqualTo("chip_authentication");
            assertThat(result.path("checks").toString()).contains("chip_authentication");
        }
        assertThat(reader.steps()).contains("access_control", "reading", "chip_authentication", "verifying");
        assertThat(status(http, account, id)).isEqualTo("valid");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aPaceOnlyCardIsReadWithoutBacAndABacOnlyPassportWithBac(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String flow = Fixtures.publishedFlow(http, account.testKey(), flow(true));

        JsonNode card = Fixtures.mockPassport(http, account.testKey(), Map.of("documentType", "id_card",
                "chipAuthentication", "chip", "accessControl", "pace"));
        assertThat(card.path("can").asText()).matches("\\d{6}");
        for (Map<String, Object> access : List.of(Map.<String, Object>of("type", "access", "can", card.path("can").asText()),
                mrzAccess(card))) {
            Reader reader = new Reader();
            JsonNode result = read(server, account, flow, card, access, reader);
            assertThat(result.path("status").asText()).as(access + " → " + result).isEqualTo("valid");
            assertThat(reader.instructions()).as("PACE, never BAC's GET CHALLENGE and EXTERNAL AUTHENTICATE")
                    .contains(Reader.GENERAL_AUTHENTICATE)
                    .doesNotContain(Reader.GET_CHALLENGE, Reader.EXTERNAL_AUTHENTICATE);
        }

        JsonNode passport = Fixtures.mockPassport(http, account.testKey(), Map.of("accessControl", "bac"));
        Reader reader = new Reader();
        JsonNode result = read(server, account, flow, passport, mrzAccess(passport), reader);
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("valid");
        assertThat(result.path("chipAuthentication").asText()).isEqualTo("active_authentication");
        assertThat(reader.instructions()).contains(Reader.GET_CHALLENGE, Reader.EXTERNAL_AUTHENTICATE,
                Reader.INTERNAL_AUTHENTICATE);

        Map<String, Object> wrongCan = Map.of("type", "access", "can", card.path("can").asText().equals("000000")
                ? "000001" : "000000");
        JsonNode refused = read(server, account, flow, card, wrongCan, new Reader());
        assertThat(refused.path("code").asText()).as(refused.toString()).isEqualTo("access_denied");
    }

    private static JsonNode read(TestServer server, TestAccount account, String flow, JsonNode passport,
                                 Map<String, Object> access, Reader reader) {
        JsonNode session = server.http().post("/v1/sessions", account.testKey(), Map.of("flowId", flow)).body();
        byte[] image = server.app().mockPassports().chipImage(account.id(), passport.path("id").asText()).orElseThrow();
        try (RelayProbe probe = RelayProbe.open(server.baseUrl(), session.path("id").asText(),
                session.path("clientSecret").asText())) {
            probe.send(access);
            return reader.relay(probe, ChipEmulator.fromImage(image));
        }
    }

    static Map<String, Object> mrzAccess(JsonNode passport) {
        return Map.of("type", "access", "documentNumber", passport.path("documentNumber").asText(),
                "dateOfBirth", mrz(passport.path("dateOfBirth").asText()),
                "dateOfExpiry", mrz(passport.path("expiryDate").asText()));
    }

    static String mrz(String isoDate) {
        return LocalDate.parse(isoDate).format(DateTimeFormatter.ofPattern("yyMMdd"));
    }

    static String status(HttpApi http, TestAccount account, String sessionId) {
        return http.get("/v1/sessions/" + sessionId, account.testKey()).body().path("status").asText();
    }
}
