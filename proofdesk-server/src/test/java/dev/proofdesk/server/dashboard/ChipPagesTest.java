package dev.proofdesk.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.dashboard.user.Role;
import dev.proofdesk.server.support.DashboardClient;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The chip-authentication rule in the flow editor, mock chips in the mock-passport form, and how a session's chip proved itself. */
class ChipPagesTest {

    private static Map<String, String> flowForm(String csrf, boolean requireChip) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("name", "Passive is enough");
        form.put("product", "age_verification");
        form.put("documents.passport", "on");
        form.put("settings.sessionTtlSeconds", "3600");
        if (requireChip) {
            form.put("rules.requireChipAuthentication", "on");
        }
        return form;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void theFlowEditorSetsTheRuleAndMockPassportsChooseTheirChip(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        DashboardClient browser = new DashboardClient(server.baseUrl()).signedIn(server.newUser(account, Role.OWNER));
        HttpApi http = server.http();

        String newForm = browser.get("/dashboard/test/flows/new").body();
        assertThat(newForm).containsPattern("name=\"rules.requireChipAuthentication\" id=\"rules.requireChipAuthentication\" checked");
        DashboardClient.Page created = browser.post("/dashboard/test/flows", flowForm(browser.csrf(), false));
        assertThat(created.status()).as(created.toString()).isEqualTo(303);
        String flowId = created.location().substring(created.location().lastIndexOf('/') + 1);
        JsonNode flow = http.get("/v1/flows/" + flowId, account.testKey()).body();
        assertThat(flow.path("rules").path("requireChipAuthentication").asBoolean()).isFalse();
        assertThat(browser.get("/dashboard/test/flows/" + flowId).body()).contains("Chip authentication: not required");

        Map<String, String> mock = new LinkedHashMap<>();
        mock.put("_csrf", browser.csrf());
        mock.put("fullName", "Uma Sam");
        mock.put("age", "40");
        mock.put("documentType", "passport");
        mock.put("chipAuthentication", "none");
        mock.put("accessControl", "bac");
        assertThat(browser.post("/dashboard/test/mock-passports", mock).status()).isEqualTo(303);
        JsonNode passport = http.get("/v1/test_helpers/mock_passports?limit=1", account.testKey()).body().path("data").get(0);
        assertThat(passport.path("chipAuthentication").asText()).isEqualTo("none");
        assertThat(passport.path("accessControl").asText()).isEqualTo("bac");
        assertThat(passport.path("chip").path("dg15").isNull()).isTrue();
        assertThat(browser.get("/dashboard/test/mock-passports").body()).contains("none · bac");

        mock.put("_csrf", browser.csrf());
        mock.put("chipAuthentication", "dg14");
        DashboardClient.Page refused = browser.post("/dashboard/test/mock-passports", mock);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("'dg14' is not one of [active, chip, none]");

        assertThat(http.post("/v1/flows/" + flowId + "/publish", account.testKey(), null).status()).isEqualTo(200);
        String session = Fixtures.session(http, account.testKey(), flowId);
        JsonNode done = Fixtures.complete(http, account.testKey(), session, passport.path("id").asText());
        assertThat(done.path("status").asText()).as("passive authentication alone passes this flow").isEqualTo("valid");
        assertThat(browser.get("/dashboard/test/sessions/" + session).body())
                .contains("None: passive authentication only").contains("<code>none</code>");
    }
}
