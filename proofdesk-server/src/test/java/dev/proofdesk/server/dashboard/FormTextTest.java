package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.dashboard.user.Role;
import dev.proofdesk.server.support.DashboardClient;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import dev.proofdesk.server.support.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Form fields no store can keep are refused on the page that sent them, never a server error. */
class FormTextTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void aNulCharacterInAnyFormIsRefusedNamingTheField(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        TestUser user = server.newUser(account, Role.OWNER);

        DashboardClient stranger = new DashboardClient(server.baseUrl());
        DashboardClient.Page signIn = stranger.signIn("someone\u0000@example.com", "whatever");
        assertThat(signIn.status()).isEqualTo(400);
        assertThat(signIn.body()).contains("email: contains a NUL character");

        DashboardClient browser = new DashboardClient(server.baseUrl()).signedIn(user);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", browser.csrf());
        form.put("name", "Adults\u0000");
        form.put("product", "age_verification");
        form.put("documents.passport", "on");
        DashboardClient.Page flow = browser.post("/dashboard/test/flows", form);
        assertThat(flow.status()).isEqualTo(400);
        assertThat(flow.body()).contains("name: contains a NUL character");

        HttpApi http = server.http();
        HttpApi.Response session = http.post("/v1/sessions", account.testKey(),
                Map.of("flowId", Fixtures.publishedFlow(http, account.testKey())));
        String id = session.body().path("id").asText();
        DashboardClient.Page mock = new DashboardClient(server.baseUrl()).post("/verify/" + id + "/mock",
                Map.of("token", session.body().path("clientSecret").asText(), "action", "create",
                        "fullName", "Jane\u0000 Doe"));
        assertThat(mock.status()).isEqualTo(400);
        assertThat(mock.body()).contains("fullName: contains a NUL character");
    }
}
