package dev.proofdesk.server.relay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.passport.emulator.ChipEmulator;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.RelayProbe;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A session to relay into, with the chip of a mock passport to relay, for the relay tests. */
record RelaySessions(TestServer server, TestAccount account, String testFlow, JsonNode passport) {

    record Opened(String id, String secret, String key) {
    }

    static RelaySessions of(TestServer server) {
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String flow = Fixtures.publishedFlow(http, account.testKey(), ChipRelayProfilesTest.flow(true));
        JsonNode passport = Fixtures.mockPassport(http, account.testKey(), Map.of("chipAuthentication", "chip"));
        return new RelaySessions(server, account, flow, passport);
    }

    Opened testSession() {
        return open(account.testKey(), testFlow);
    }

    Opened open(String key, String flow) {
        HttpApi.Response created = server.http().post("/v1/sessions", key, Map.of("flowId", flow));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Opened(created.body().path("id").asText(), created.body().path("clientSecret").asText(), key);
    }

    String status(Opened session) {
        return server.http().get("/v1/sessions/" + session.id(), session.key()).body().path("status").asText();
    }

    byte[] chipImage() {
        return server.app().mockPassports().chipImage(account.id(), passport.path("id").asText()).orElseThrow();
    }

    ChipEmulator chip() {
        return ChipEmulator.fromImage(chipImage());
    }

    Map<String, Object> access() {
        return ChipRelayProfilesTest.mrzAccess(passport);
    }

    RelayProbe relay(Opened session) {
        return RelayProbe.open(server.baseUrl(), session.id(), session.secret());
    }

    /** A whole read by a well-behaved reader; returns the final frame. */
    JsonNode read(Opened session) {
        try (RelayProbe probe = relay(session)) {
            probe.send(access());
            return new Reader().relay(probe, chip());
        }
    }
}
