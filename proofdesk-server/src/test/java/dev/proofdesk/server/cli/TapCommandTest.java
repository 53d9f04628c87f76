package dev.proofdesk.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.passport.emulator.ChipEmulator;
import dev.proofdesk.server.Application;
import dev.proofdesk.server.apikey.FirstStart;
import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.support.Cli.Run;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.VirtualCard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static dev.proofdesk.server.support.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code proofdesk tap} against a running server: the emulated chip of a mock passport, and the same
 * chip in a PC/SC reader through the operating system's smart-card stack ({@code pcscd} with the
 * {@code vsmartcard-vpcd} virtual reader, which {@code ./test.sh} installs and starts).
 */
class TapCommandTest {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    /** The first slot of the vpcd virtual reader, the one listening on {@link VirtualCard#VPCD_PORT}. */
    private static final String VIRTUAL_READER = "Virtual PCD 00 00";

    private static Path dir;
    private static Application app;
    private static HttpApi http;
    private static String key;
    private static String accountId;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("proofdesk-tap");
        app = Application.open(new ConfigLoader(Map.of("PROOFDESK_RATE_LIMIT_TEST", "0")).load(0, dir, null),
                Clock.systemUTC()).start();
        FirstStart.Result first = new FirstStart(app.accounts(), app.apiKeys()).run().orElseThrow();
        key = first.testSecretKey();
        accountId = first.account().id();
        http = new HttpApi(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode newSession() {
        String flow = Fixtures.publishedFlow(http, key);
        HttpApi.Response created = http.post("/v1/sessions", key, Map.of("flowId", flow));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    private static String status(JsonNode session) {
        return http.get("/v1/sessions/" + session.path("id").asText(), key).body().path("status").asText();
    }

    @Test
    void emulatedPaceOnlyCardWithChipAuthenticationVerifies() {
        JsonNode passport = Fixtures.mockPassport(http, key, Map.of("nationality", "FRA", "age", 30,
                "chipAuthentication", "chip", "accessControl", "pace"));
        JsonNode session = newSession();
        Run tap = run("tap", "--session-url", session.path("verificationUrl").asText(),
                "--emulate", passport.path("id").asText(), "--data-dir", dir.toString());
        assertThat(tap.exit()).as(tap.err()).isZero();
        assertThat(tap.out()).startsWith("valid").contains("chip_authentication: passed");
        assertThat(tap.err()).contains("Opening the chip");
        assertThat(status(session)).isEqualTo("valid");
    }

    @Test
    void aWrongAccessKeyIsExplainedAndTheSessionStaysPending() {
        JsonNode passport = Fixtures.mockPassport(http, key, Map.of("chipAuthentication", "active", "accessControl", "bac"));
        JsonNode session = newSession();
        Run tap = run("tap", "--session-url", session.path("verificationUrl").asText(),
                "--emulate", passport.path("id").asText(), "--document-number", "X1234567",
                "--birth", "900101", "--expiry", "300101", "--data-dir", dir.toString());
        assertThat(tap.exit()).isEqualTo(1);
        assertThat(tap.err()).contains("access_denied").contains("Check the MRZ data or CAN");
        assertThat(status(session)).isEqualTo("pending");
    }

    @Test
    void aChipInAPcscReaderIsReadThroughTheRelay() throws Exception {
        JsonNode passport = Fixtures.mockPassport(http, key, Map.of("nationality", "FRA", "age", 41,
                "chipAuthentication", "chip", "accessControl", "both"));
        byte[] image = app.mockPassports().chipImage(accountId, passport.path("id").asText()).orElseThrow();
        JsonNode session = newSession();
        try (VirtualCard card = VirtualCard.insert(ChipEmulator.fromImage(image), VirtualCard.VPCD_PORT)) {
            Run tap = run("tap", "--session-url", session.path("verificationUrl").asText(),
                    "--reader", VIRTUAL_READER, "--wait", "10",
                    "--document-number", passport.path("documentNumber").asText(),
                    "--birth", LocalDate.parse(passport.path("dateOfBirth").asText()).format(YYMMDD),
                    "--expiry", LocalDate.parse(passport.path("expiryDate").asText()).format(YYMMDD));
            assertThat(tap.exit()).as(tap.err()).isZero();
            assertThat(tap.err()).contains("Card found in " + VIRTUAL_READER);
            assertThat(tap.out()).startsWith("valid");
        }
        assertThat(status(session)).isEqualTo("valid");
    }

    @Test
    void readerProblemsSayWhatToDo() {
        JsonNode session = newSession();
        String url = session.path("verificationUrl").asText();
        Run noCard = run("tap", "--session-url", url, "--reader", "Virtual PCD 00 01", "--wait", "1", "--can", "123456");
        assertThat(noCard.exit()).isEqualTo(1);
        assertThat(noCard.err()).contains("no card in Virtual PCD 00 01").contains("place the passport");
        Run noSuchReader = run("tap", "--session-url", url, "--reader", "Nonexistent", "--can", "123456");
        assertThat(noSuchReader.exit()).isEqualTo(1);
        assertThat(noSuchReader.err()).contains("no reader named like \"Nonexistent\"").contains(VIRTUAL_READER);
        assertThat(status(session)).isEqualTo("pending");
    }

    @Test
    void theAccessKeyIsCheckedBeforeAnythingIsRead() {
        String url = newSession().path("verificationUrl").asText();
        Run typo = run("tap", "--session-url", url, "--mrz",
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< L898902C36UTO7408132F1204159ZE184226B<<<<<10");
        assertThat(typo.exit()).isEqualTo(1);
        assertThat(typo.err()).contains("check digit of the date of birth");
        Run none = run("tap", "--session-url", url);
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("give the access key");
        Run notASession = run("tap", "--session-url", "https://example.com/somewhere", "--can", "123456");
        assertThat(notASession.exit()).isEqualTo(1);
        assertThat(notASession.err()).contains("verificationUrl");
    }
}
