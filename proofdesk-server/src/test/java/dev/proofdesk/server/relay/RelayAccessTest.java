package dev.proofdesk.server.relay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.passport.emulator.ChipEmulator;
import dev.proofdesk.passport.emulator.ChipImage;
import dev.proofdesk.server.billing.LedgerEntry;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.RelayProbe;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may relay a session's chip, when, and what it costs. */
class RelayAccessTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void onlyTheSessionsOwnClientSecretOpensItsRelay(Db db) {
        TestServer server = TestServer.shared(db);
        RelaySessions s = RelaySessions.of(server);
        RelaySessions.Opened test = s.testSession();
        RelaySessions.Opened live = s.open(s.account().liveKey(),
                Fixtures.publishedFlow(server.http(), s.account().liveKey(), ChipRelayProfilesTest.flow(true)));
        var secrets = server.app().clientSecrets();

        assertRefused(server, test.id(), Map.of(), 401, "unauthenticated");
        assertRefused(server, test.id(), bearer(s.account().testKey()), 401, "unauthenticated");
        assertRefused(server, test.id(), bearer(test.secret().substring(0, test.secret().length() - 2) + "xx"),
                401, "unauthenticated");
        assertRefused(server, test.id(), bearer(live.secret()), 401, "unauthenticated");
        assertRefused(server, live.id(), bearer(test.secret()), 401, "unauthenticated");
        // Even a test secret derived for the live session's id opens nothing: test has no such session.
        assertRefused(server, live.id(), bearer(secrets.secretFor(Environment.TEST, live.id())), 404, "not_found");
        assertRefused(server, test.id(), bearer(secrets.secretFor(Environment.LIVE, test.id())), 404, "not_found");
        assertThat(s.status(test)).isEqualTo("pending");
        assertThat(s.status(live)).isEqualTo("pending");

        Object secretOnly = RelayProbe.connect(server.baseUrl(), test.id(), Map.of(), List.of(test.secret()));
        assertThat(secretOnly).isInstanceOfSatisfying(RelayProbe.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().path("error").path("message").asText()).contains(ChipRelayRoutes.SUBPROTOCOL);
        });
        Object browser = RelayProbe.connect(server.baseUrl(), test.id(), Map.of(),
                List.of(test.secret(), ChipRelayRoutes.SUBPROTOCOL));
        assertThat(browser).as("a browser sends the secret as a subprotocol").isInstanceOf(RelayProbe.class);
        try (RelayProbe probe = (RelayProbe) browser) {
            assertThat(probe.subprotocol()).as("the server accepts the protocol, never echoes the secret")
                    .isEqualTo(ChipRelayRoutes.SUBPROTOCOL);
            probe.send(s.access());
            JsonNode result = new Reader().relay(probe, s.chip());
            assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("valid");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void oneRelayAtATimeAndNoneOnceTheSessionHasEnded(Db db) {
        TestServer server = TestServer.shared(db);
        RelaySessions s = RelaySessions.of(server);
        RelaySessions.Opened session = s.testSession();
        try (RelayProbe first = s.relay(session)) {
            first.send(s.access());
            JsonNode apdu = first.nextNotProgress();
            assertThat(apdu.path("type").asText()).isEqualTo("apdu");
            try (RelayProbe second = s.relay(session)) {
                JsonNode busy = second.next();
                assertThat(busy.path("code").asText()).as(busy.toString()).isEqualTo("relay_busy");
                assertThat(second.awaitClose().status()).isEqualTo(1000);
            }
            // The first relay is unharmed: it answers the APDU it was sent, and everything after it.
            ChipEmulator chip = s.chip();
            Reader reader = new Reader();
            reader.answer(apdu, first, chip);
            JsonNode result = reader.relay(first, chip);
            assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("valid");
        }
        assertEnded(s, session, "valid");

        RelaySessions.Opened canceled = s.testSession();
        assertThat(server.http().post("/v1/sessions/" + canceled.id() + "/cancel", s.account().testKey(), null).status())
                .isEqualTo(200);
        assertEnded(s, canceled, "canceled");
        RelaySessions.Opened expired = s.testSession();
        assertThat(server.http().post("/v1/test_helpers/sessions/" + expired.id() + "/expire", s.account().testKey(),
                null).status()).isEqualTo(200);
        assertEnded(s, expired, "expired");

        HttpApi.Response again = server.http().post("/v1/test_helpers/sessions/" + session.id() + "/complete",
                s.account().testKey(), Map.of("mockPassportId", s.passport().path("id").asText()));
        assertThat(again.status()).as("the test helper relays too, and hears the same refusal").isEqualTo(409);
        assertThat(again.message()).contains("valid");
    }

    @Test
    void aSecondNodeOnTheSameDatabaseCannotRelayASessionAnotherNodeIsReading() {
        TestServer server = TestServer.shared(Db.POSTGRES);
        RelaySessions s = RelaySessions.of(server);
        RelaySessions.Opened session = s.testSession();
        try (TestServer other = server.anotherNode(Map.of());
             RelayProbe first = s.relay(session)) {
            first.send(s.access());
            assertThat(first.nextNotProgress().path("type").asText()).isEqualTo("apdu");
            try (RelayProbe second = RelayProbe.open(other.baseUrl(), session.id(), session.secret())) {
                JsonNode busy = second.next();
                assertThat(busy.path("code").asText()).as(busy.toString()).isEqualTo("relay_busy");
            }
            first.drop();
            JsonNode result = RelayAbuseTest.awaitRead(new RelaySessions(other, s.account(), s.testFlow(), s.passport()),
                    session);
            assertThat(result.path("status").asText()).as("the other node reads it once the first let go")
                    .isEqualTo("valid");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aLiveSessionIsChargedOnceWhateverItsRelaysDoAndRefundedOnceWhenItEndsInError(Db db) {
        TestServer server = TestServer.shared(db);
        RelaySessions s = RelaySessions.of(server);
        String flow = Fixtures.publishedFlow(server.http(), s.account().liveKey(), ChipRelayProfilesTest.flow(true));

        RelaySessions.Opened session = s.open(s.account().liveKey(), flow);
        try (RelayProbe probe = s.relay(session)) {
            probe.send("garbage");
            assertThat(probe.next().path("code").asText()).isEqualTo("invalid_message");
        }
        try (RelayProbe probe = s.relay(session)) {
            Map<String, Object> wrong = new HashMap<>(s.access());
            wrong.put("dateOfBirth", "010101");
            probe.send(wrong);
            assertThat(new Reader().relay(probe, s.chip()).path("code").asText()).isEqualTo("access_denied");
        }
        assertThat(s.status(session)).isEqualTo("pending");
        assertThat(entries(server, s, session.id())).extracting(LedgerEntry::kind).containsExactly(LedgerEntry.Kind.CHARGE);

        try (RelayProbe probe = s.relay(session)) {
            probe.send(s.access());
            JsonNode result = new Reader().relay(probe, ChipEmulator.fromImage(withUnreadableDg1(s.chipImage())));
            assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("error");
        }
        assertEnded(s, session, "error");
        assertThat(entries(server, s, session.id())).extracting(LedgerEntry::kind)
                .containsExactly(LedgerEntry.Kind.CHARGE, LedgerEntry.Kind.REFUND);

        RelaySessions.Opened mock = s.open(s.account().liveKey(), flow);
        JsonNode invalid = s.read(mock);
        assertThat(invalid.path("status").asText()).isEqualTo("invalid");
        assertThat(invalid.path("checks").toString()).contains("mock_document");
        assertEnded(s, mock, "invalid");
        assertThat(entries(server, s, mock.id())).extracting(LedgerEntry::kind).containsExactly(LedgerEntry.Kind.CHARGE);
    }

    private static void assertEnded(RelaySessions s, RelaySessions.Opened session, String status) {
        try (RelayProbe probe = s.relay(session)) {
            JsonNode refused = probe.next();
            assertThat(refused.path("code").asText()).as(refused.toString()).isEqualTo("session_not_pending");
            assertThat(refused.path("message").asText()).contains(status);
        }
        assertThat(s.status(session)).isEqualTo(status);
    }

    private static void assertRefused(TestServer server, String sessionId, Map<String, String> headers, int status,
                                      String code) {
        Object outcome = RelayProbe.connect(server.baseUrl(), sessionId, headers, List.of());
        assertThat(outcome).as(headers.keySet() + " on " + sessionId).isInstanceOfSatisfying(RelayProbe.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.code()).isEqualTo(code);
        });
    }

    private static Map<String, String> bearer(String secret) {
        return Map.of("Authorization", "Bearer " + secret);
    }

    /** The same chip, but its DG1 is no MRZ the verifier can read. */
    private static byte[] withUnreadableDg1(byte[] image) {
        ChipImage chip = ChipImage.fromBytes(image);
        byte[] text = "NOT AN MRZ".getBytes(StandardCharsets.US_ASCII);
        byte[] dg1 = new byte[4 + 1 + text.length];
        dg1[0] = 0x61;
        dg1[1] = (byte) (3 + text.length);
        dg1[2] = 0x5F;
        dg1[3] = 0x1F;
        dg1[4] = (byte) text.length;
        System.arraycopy(text, 0, dg1, 5, text.length);
        Map<Integer, byte[]> files = new HashMap<>(chip.files());
        files.put(ChipImage.dataGroupFid(1), dg1);
        return new ChipImage(chip.bac(), chip.pace(), chip.documentNumber(), chip.dateOfBirth(), chip.dateOfExpiry(),
                chip.can(), files, chip.aaKeyPkcs8(), chip.caKeyPkcs8(), chip.caKeyId()).toBytes();
    }

    private static List<LedgerEntry> entries(TestServer server, RelaySessions s, String sessionId) {
        List<LedgerEntry> rows = new ArrayList<>();
        server.app().environment(Environment.LIVE).credits().orElseThrow()
                .forEachEntry(s.account().id(), e -> {
                    if (sessionId.equals(e.sessionId())) {
                        rows.add(e);
                    }
                });
        return rows;
    }
}
