package dev.proofdesk.server.verification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.passport.aa.ChipSigner;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Plays the holder's app: fetch the challenge, let the (mock) chip sign it, submit. */
final class Holder {
    private Holder() {
    }

    static String challenge(HttpApi http, String sessionId, String secret) {
        HttpApi.Response r = http.send("GET", "/v1/sessions/" + sessionId + "/challenge", secret, null, Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body().path("challenge").asText();
    }

    static byte[] chipKey(TestServer server, TestAccount account, JsonNode passport) {
        return server.app().mockPassports().chipKey(account.id(), passport.path("id").asText());
    }

    static Map<String, String> body(JsonNode passport, byte[] signature) {
        JsonNode chip = passport.path("chip");
        return Map.of("dg1", chip.path("dg1").asText(), "sod", chip.path("sod").asText(),
                "dg15", chip.path("dg15").asText(), "activeAuthSignature", Base64.getEncoder().encodeToString(signature));
    }

    static JsonNode submit(TestServer server, TestAccount account, String sessionId, String secret, JsonNode passport) {
        HttpApi http = server.http();
        String challenge = challenge(http, sessionId, secret);
        byte[] signature = ChipSigner.sign(chipKey(server, account, passport), Base64.getDecoder().decode(challenge));
        HttpApi.Response r = http.send("POST", "/v1/sessions/" + sessionId + "/submission", secret,
                body(passport, signature), Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }
}
