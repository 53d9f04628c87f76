package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.dashboard.user.Role;
import dev.proofdesk.server.support.Await;
import dev.proofdesk.server.support.DashboardClient;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import dev.proofdesk.server.support.WebhookReceiver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A session's page lists what was delivered about it, to which endpoint, with the last answer. */
class SessionDeliveriesPageTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void theSessionPageShowsItsWebhookDeliveries(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String endpoint = http.post("/v1/webhook_endpoints", account.testKey(),
                    Map.of("url", receiver.url("/hooks"))).body().path("id").asText();
            String flow = Fixtures.publishedFlow(http, account.testKey());
            String session = Fixtures.session(http, account.testKey(), flow);
            String passport = Fixtures.mockPassport(http, account.testKey(), Map.of()).path("id").asText();
            Fixtures.complete(http, account.testKey(), session, passport);
            receiver.await(r -> r.body().contains(session) && r.body().contains("verification.completed"), 1,
                    Duration.ofSeconds(30));

            DashboardClient browser = new DashboardClient(server.baseUrl())
                    .signedIn(server.newUser(account, Role.MEMBER));
            String page = Await.until(() -> browser.get("/dashboard/test/sessions/" + session).body(),
                    body -> body.contains("verification.completed</code></td>") && body.contains("<td>succeeded</td>"),
                    Duration.ofSeconds(30), "the session page listing the delivered verification.completed");
            assertThat(page).contains("id=\"deliveries\"").contains("session.created")
                    .contains("/webhooks/" + endpoint + "#delivery-").contains("200");
        }
    }
}
