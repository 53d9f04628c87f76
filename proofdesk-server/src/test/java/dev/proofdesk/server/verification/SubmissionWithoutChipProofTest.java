package dev.proofdesk.server.verification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /submission} from a reader that read the chip itself: most passports have no DG15, so a
 * submission without one is accepted and carries no chip proof; the flow's rule decides.
 */
class SubmissionWithoutChipProofTest {

    private static String flow(HttpApi http, TestAccount account, boolean requireChip) {
        return Fixtures.publishedFlow(http, account.testKey(), Map.of("name", "Submitted", "product", "pre_kyc",
                "rules", Map.of("requireChipAuthentication", requireChip)));
    }

    private static JsonNode submitWithoutDg15(HttpApi http, TestAccount account, String flow, JsonNode passport) {
        JsonNode session = http.post("/v1/sessions", account.testKey(), Map.of("flowId", flow)).body();
        HttpApi.Response r = http.send("POST", "/v1/sessions/" + session.path("id").asText() + "/submission",
                session.path("clientSecret").asText(), Map.of("dg1", passport.path("chip").path("dg1").asText(),
                        "sod", passport.path("chip").path("sod").asText()), Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aSubmissionWithoutDg15PassesOnlyWhereTheFlowAllowsPassiveAuthenticationAlone(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        JsonNode passport = Fixtures.mockPassport(http, account.testKey(), Map.of("chipAuthentication", "chip"));
        assertThat(passport.path("chip").path("dg15").isNull()).as("a chip-authentication chip has no DG15").isTrue();

        JsonNode required = submitWithoutDg15(http, account, flow(http, account, true), passport);
        assertThat(required.path("status").asText()).isEqualTo("invalid");
        assertThat(required.path("result").path("chipAuthentication").asText()).isEqualTo("none");
        assertThat(required.path("result").path("checks").toString()).contains("chip_authentication_unavailable")
                .doesNotContain("chip_not_genuine");

        JsonNode passive = submitWithoutDg15(http, account, flow(http, account, false), passport);
        assertThat(passive.path("status").asText()).as(passive.toString()).isEqualTo("valid");
        assertThat(passive.path("result").path("chipAuthentication").asText()).isEqualTo("none");

        JsonNode active = Fixtures.mockPassport(http, account.testKey(), Map.of());
        JsonNode session = http.post("/v1/sessions", account.testKey(),
                Map.of("flowId", flow(http, account, true))).body();
        JsonNode signed = Holder.submit(server, account, session.path("id").asText(),
                session.path("clientSecret").asText(), active);
        assertThat(signed.path("status").asText()).isEqualTo("valid");
        assertThat(signed.path("result").path("chipAuthentication").asText()).isEqualTo("active_authentication");
    }
}
