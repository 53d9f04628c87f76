package dev.proofdesk.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.session.SessionStatus;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.DashboardClient;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hosted verification page without JavaScript: test completion, live QR and status, redirects. */
class HostedPageTest {
    private static final Pattern DEEP_LINK = Pattern.compile("href=\"(proofdesk://chip\\?[^\"]+)\"");

    private static String path(JsonNode session) {
        URI url = URI.create(session.path("verificationUrl").asText());
        return url.getPath() + "?" + url.getQuery();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void testSessionCompletesWithAMockPassportAndGoesToTheSuccessUrl(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        Map<String, Object> body = new LinkedHashMap<>(Fixtures.flowBody("Over 18"));
        body.put("settings", Map.of("successUrl", "https://shop.example.com/welcome",
                "failureUrl", "https://shop.example.com/sorry"));
        String flow = Fixtures.publishedFlow(server.http(), account.testKey(), body);
        HttpApi.Response created = server.http().post("/v1/sessions", account.testKey(), Map.of("flowId", flow));
        String sessionId = created.body().path("id").asText();
        String token = created.body().path("clientSecret").asText();
        DashboardClient person = new DashboardClient(server.baseUrl());

        DashboardClient.Page page = person.get(path(created.body()));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Over 18").contains("Nationality").contains("Test mode")
                .contains("at least 18 years old");
        DashboardClient.Page tooYoung = person.post("/verify/" + sessionId + "/mock", Map.of("token", token,
                "action", "create", "fullName", "Kid Mock", "age", "16", "ofac", "clear", "defect", "none"));
        assertThat(tooYoung.status()).isEqualTo(303);
        assertThat(tooYoung.location()).isEqualTo("https://shop.example.com/sorry");
        assertThat(server.app().environment(Environment.TEST).sessions()
                .get(account.id(), sessionId).status()).isEqualTo(SessionStatus.INVALID);

        HttpApi.Response second = server.http().post("/v1/sessions", account.testKey(), Map.of("flowId", flow));
        String passport = Fixtures.mockPassport(server.http(), account.testKey(), Map.of("age", 40)).path("id").asText();
        assertThat(person.get(path(second.body())).body()).contains(passport);
        DashboardClient.Page adult = person.post("/verify/" + second.body().path("id").asText() + "/mock",
                Map.of("token", second.body().path("clientSecret").asText(), "mockPassportId", passport));
        assertThat(adult.location()).isEqualTo("https://shop.example.com/welcome");
        // Finished: opening the link again sends the person on as well.
        assertThat(person.get(path(second.body())).location()).isEqualTo("https://shop.example.com/welcome");

        DashboardClient.Page wrongToken = person.get("/verify/" + sessionId + "?token=cs_test_nope");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.body()).contains("not valid").doesNotContain("Over 18");
        DashboardClient.Page badInput = person.post("/verify/" + second.body().path("id").asText() + "/mock",
                Map.of("token", second.body().path("clientSecret").asText(), "action", "create", "age", "x"));
        assertThat(badInput.status()).isBetween(400, 499);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void liveSessionShowsAStableQrCodeAndItsStatusWithoutJavaScript(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        String flow = Fixtures.publishedFlow(server.http(), account.liveKey(), Fixtures.flowBody("Live adults"));
        HttpApi.Response created = server.http().post("/v1/sessions", account.liveKey(), Map.of("flowId", flow));
        String sessionId = created.body().path("id").asText();
        DashboardClient person = new DashboardClient(server.baseUrl());

        DashboardClient.Page page = person.get(path(created.body()));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<svg class=\"qr\"").contains("proofdesk://chip?relay=").contains("%2Fv1%2Fsessions%2F" + sessionId + "%2Fchip").contains("proofdesk tap --session-url")
                .contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>")
                .contains("hx-get=\"/verify/" + sessionId + "/status?token=").doesNotContain("Test mode")
                .doesNotContain("mock passport");
        String link = deepLink(page.body());
        assertThat(link).contains("secret=" + created.body().path("clientSecret").asText());
        assertThat(deepLink(person.get(path(created.body())).body())).as("reloading keeps the scanned link").isEqualTo(link);

        String token = created.body().path("clientSecret").asText();
        DashboardClient.Page status = person.get("/verify/" + sessionId + "/status?token=" + token);
        assertThat(status.body()).contains("pending").doesNotContain("<html");
        assertThat(person.post("/verify/" + sessionId + "/mock", Map.of("token", token, "action", "create"))
                .status()).isEqualTo(403);

        server.http().post("/v1/sessions/" + sessionId + "/cancel", account.liveKey(), null);
        DashboardClient.Page done = person.get("/verify/" + sessionId + "/status?token=" + token);
        assertThat(done.headers().firstValue("HX-Refresh")).contains("true");
        assertThat(person.get(path(created.body())).body()).contains("This verification was canceled");
    }

    private static String deepLink(String html) {
        Matcher m = DEEP_LINK.matcher(html);
        assertThat(m.find()).as("the deep link to the relay").isTrue();
        return m.group(1);
    }

}
