package dev.proofdesk.server.relay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.passport.emulator.ChipEmulator;
import dev.proofdesk.server.support.Await;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.RelayProbe;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers that misbehave, go silent or go away: each gets a clear error frame (or, past the size
 * limit, a close), and the session stays pending for the holder's next try, never processing.
 */
class RelayAbuseTest {
    /** Short enough that silence is noticed quickly, long enough for an emulated chip on a busy machine. */
    private static final Map<Db, TestServer> QUICK = new EnumMap<>(Db.class);

    private static synchronized TestServer quick(Db db) {
        return QUICK.computeIfAbsent(db, d -> TestServer.start(d, Clock.systemUTC(),
                Map.of("PROOFDESK_RELAY_APDU_TIMEOUT_MILLIS", "1500")));
    }

    @AfterAll
    static void stop() {
        QUICK.values().forEach(TestServer::close);
        QUICK.clear();
    }

    private record Abuse(String what, Consumer<RelayProbe> act, String code, String messagePart) {
    }

    /** Sends the access frame and waits for the first APDU, so the next frame answers it. */
    private static Consumer<RelayProbe> afterFirstApdu(RelaySessions s, Consumer<RelayProbe> then) {
        return probe -> {
            probe.send(s.access());
            JsonNode apdu = probe.nextNotProgress();
            assertThat(apdu.path("type").asText()).isEqualTo("apdu");
            assertThat(apdu.path("id").asInt()).isEqualTo(1);
            then.accept(probe);
        };
    }

    private static Map<String, Object> response(int id, String hex) {
        return Map.of("type", "response", "id", id, "apdu", hex);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void misbehavingFramesEndTheRelayWithAClearErrorAndLeaveTheSessionPending(Db db) {
        RelaySessions s = RelaySessions.of(quick(db));
        RelaySessions.Opened session = s.testSession();
        Map<String, Object> unknownField = new HashMap<>(s.access());
        unknownField.put("pin", "1234");
        List<Abuse> abuses = List.of(
                new Abuse("not JSON", p -> p.send("hello chip"), "invalid_message", "not JSON"),
                new Abuse("a JSON array", p -> p.send("[1, 2]"), "invalid_message", "JSON object"),
                new Abuse("a response before the access frame", p -> p.send(response(1, "9000")),
                        "invalid_message", "\"access\""),
                new Abuse("an unknown field", p -> p.send(unknownField), "invalid_message", "\"pin\""),
                new Abuse("a date that is not YYMMDD", p -> p.send(Map.of("type", "access", "documentNumber", "X1",
                        "dateOfBirth", "1990-01-01", "dateOfExpiry", "300101")), "invalid_access_key", "YYMMDD"),
                new Abuse("a CAN of letters", p -> p.send(Map.of("type", "access", "can", "abcdef")),
                        "invalid_access_key", "six digits"),
                new Abuse("a binary frame", p -> p.sendBinary(new byte[]{0x00, (byte) 0xA4}), "invalid_message", "binary"),
                new Abuse("a response with the wrong id", afterFirstApdu(s, p -> p.send(response(2, "9000"))),
                        "invalid_message", "id 2"),
                new Abuse("a response without an id", afterFirstApdu(s, p -> p.send(Map.of("type", "response",
                        "apdu", "9000"))), "invalid_message", "\"id\""),
                new Abuse("an answer that is not hex", afterFirstApdu(s, p -> p.send(response(1, "90zz"))),
                        "invalid_message", "not hex"),
                new Abuse("an answer without a status word", afterFirstApdu(s, p -> p.send(response(1, "90"))),
                        "invalid_message", "status bytes"),
                new Abuse("an answer longer than any APDU", afterFirstApdu(s, p -> p.send(response(1,
                        "00".repeat(RelayFrames.MAX_RESPONSE_BYTES + 1)))), "invalid_message", "longer than 65538"),
                new Abuse("a frame without a type", afterFirstApdu(s, p -> p.send("{}")), "invalid_message",
                        "\"type\""));
        for (Abuse abuse : abuses) {
            try (RelayProbe probe = s.relay(session)) {
                abuse.act().accept(probe);
                JsonNode error = probe.nextNotProgress();
                assertThat(error.path("type").asText()).as(abuse.what() + ": " + error).isEqualTo("error");
                assertThat(error.path("code").asText()).as(abuse.what()).isEqualTo(abuse.code());
                assertThat(error.path("message").asText()).as(abuse.what()).contains(abuse.messagePart());
                assertThat(probe.awaitClose().status()).as(abuse.what()).isEqualTo(1000);
            }
            assertThat(s.status(session)).as("after " + abuse.what()).isEqualTo("pending");
        }

        try (RelayProbe probe = s.relay(session)) {
            probe.send("x".repeat(RelayFrames.MAX_MESSAGE_CHARS + 1));
            assertThat(probe.awaitClose().status()).as("a message past the size limit closes the socket")
                    .isEqualTo(1009);
        }
        assertThat(s.status(session)).isEqualTo("pending");
        assertThat(awaitRead(s, session).path("status").asText()).as("the session was never used up")
                .isEqualTo("valid");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aSilentReaderEndsTheRelayAtTheApduTimeout(Db db) {
        RelaySessions s = RelaySessions.of(quick(db));
        RelaySessions.Opened session = s.testSession();
        try (RelayProbe probe = s.relay(session)) {
            JsonNode error = probe.next();
            assertThat(error.path("code").asText()).as(error.toString()).isEqualTo("apdu_timeout");
            assertThat(error.path("message").asText()).contains("access frame").contains("1500 ms");
        }
        try (RelayProbe probe = s.relay(session)) {
            probe.send(s.access());
            JsonNode apdu = probe.nextNotProgress();
            assertThat(apdu.path("type").asText()).isEqualTo("apdu");
            JsonNode error = probe.nextNotProgress();
            assertThat(error.path("code").asText()).as(error.toString()).isEqualTo("apdu_timeout");
            assertThat(error.path("message").asText()).contains("APDU 1");
        }
        assertThat(s.status(session)).isEqualTo("pending");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aChipThatGoesSilentMidReadIsSaidSoWithTheStepItWasIn(Db db) {
        RelaySessions s = RelaySessions.of(quick(db));
        RelaySessions.Opened session = s.testSession();
        try (RelayProbe probe = s.relay(session)) {
            probe.send(s.access());
            Reader reader = new Reader();
            ChipEmulator chip = s.chip();
            boolean silent = false;
            JsonNode end = null;
            while (end == null) {
                JsonNode frame = probe.next();
                switch (frame.path("type").asText()) {
                    // The document leaves the reader once Chip Authentication begins: nothing answers any more.
                    case "progress" -> silent |= frame.path("step").asText().equals("chip_authentication");
                    case "apdu" -> {
                        if (!silent) {
                            reader.answer(frame, probe, chip);
                        }
                    }
                    default -> end = frame;
                }
            }
            assertThat(end.path("code").asText()).as(end.toString()).isEqualTo("apdu_timeout");
            assertThat(end.path("step").asText()).isEqualTo("chip_authentication");
            assertThat(end.path("message").asText()).contains("went silent during chip_authentication")
                    .contains("within 1500 ms");
        }
        assertThat(s.status(session)).isEqualTo("pending");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aRelayThatOutlastsTheReadLimitEnds(Db db) {
        try (TestServer server = TestServer.start(db, Clock.systemUTC(), Map.of(
                "PROOFDESK_RELAY_APDU_TIMEOUT_MILLIS", "20000", "PROOFDESK_RELAY_READ_TIMEOUT_SECONDS", "1"))) {
            RelaySessions s = RelaySessions.of(server);
            RelaySessions.Opened session = s.testSession();
            try (RelayProbe probe = s.relay(session)) {
                probe.send(s.access());
                JsonNode apdu = probe.nextNotProgress();
                assertThat(apdu.path("type").asText()).isEqualTo("apdu");
                JsonNode error = probe.nextNotProgress();
                assertThat(error.path("code").asText()).as(error.toString()).isEqualTo("read_timeout");
                assertThat(error.path("message").asText()).contains("longer than 1 s");
            }
            assertThat(s.status(session)).isEqualTo("pending");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aReaderThatGoesAwayMidReadLeavesTheSessionPendingForTheNextTry(Db db) {
        RelaySessions s = RelaySessions.of(quick(db));
        RelaySessions.Opened session = s.testSession();
        RelayProbe probe = s.relay(session);
        probe.send(s.access());
        assertThat(probe.nextNotProgress().path("type").asText()).isEqualTo("apdu");
        probe.drop();

        assertThat(awaitRead(s, session).path("status").asText()).isEqualTo("valid");
        assertThat(s.status(session)).isEqualTo("valid");
    }

    /** A read retried while the server is still noticing that an earlier reader left. */
    static JsonNode awaitRead(RelaySessions s, RelaySessions.Opened session) {
        return Await.until(() -> s.read(session), frame -> !"relay_busy".equals(frame.path("code").asText()),
                Duration.ofSeconds(20), "the earlier relay to let go of the session");
    }
}
