package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.apikey.ApiKey;
import dev.proofdesk.server.dashboard.user.Role;
import dev.proofdesk.server.dashboard.user.SignIns;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.DashboardClient;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.MutableClock;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import dev.proofdesk.server.support.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's defences, over plain HTTP: CSRF, roles, environment isolation, cookies, sign-in limits. */
class DashboardSecurityTest {

    private static Map<String, String> flowForm(String csrf, String name) {
        Map<String, String> form = new LinkedHashMap<>();
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        form.put("name", name);
        form.put("product", "age_verification");
        form.put("documents.passport", "on");
        form.put("settings.sessionTtlSeconds", "3600");
        return form;
    }

    private static String flowNames(TestServer server, TestAccount account, Environment env) {
        return server.app().environment(env).flows().list(account.id(), null, 100).stream()
                .map(f -> f.name()).toList().toString();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void everyFormNeedsTheSessionsCsrfToken(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        DashboardClient browser = new DashboardClient(server.baseUrl()).signedIn(server.newUser(account, Role.OWNER));
        String token = browser.csrf();

        DashboardClient.Page missing = browser.post("/dashboard/test/flows", flowForm(null, "No token"));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).contains("did not come from the dashboard");
        DashboardClient.Page forged = browser.post("/dashboard/test/flows", flowForm(token + "x", "Forged"));
        assertThat(forged.status()).isEqualTo(403);
        // Another user's valid token is no good either: tokens belong to one sign-in.
        DashboardClient other = new DashboardClient(server.baseUrl()).signedIn(server.newUser(account, Role.OWNER));
        assertThat(browser.post("/dashboard/test/flows", flowForm(other.csrf(), "Other's token")).status())
                .isEqualTo(403);
        assertThat(flowNames(server, account, Environment.TEST)).isEqualTo("[]");

        DashboardClient.Page ok = browser.post("/dashboard/test/flows", flowForm(token, "With token"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(303);
        assertThat(flowNames(server, account, Environment.TEST)).isEqualTo("[With token]");

        // The sign-out form and the sign-in form are protected too.
        assertThat(browser.post("/dashboard/sign-out", Map.of()).status()).isEqualTo(303);
        assertThat(browser.get("/dashboard/test/flows").status()).isEqualTo(200);
        DashboardClient fresh = new DashboardClient(server.baseUrl());
        TestUser user = server.newUser(account, Role.MEMBER);
        DashboardClient.Page noToken = fresh.post("/dashboard/sign-in",
                Map.of("email", user.email(), "password", user.password()));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.setCookies()).noneMatch(c -> c.startsWith("proofdesk_session="));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void membersSeeKeysButCannotManageThem(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        DashboardClient member = new DashboardClient(server.baseUrl()).signedIn(server.newUser(account, Role.MEMBER));
        String keyId = server.app().apiKeys().list(account.id(), Environment.TEST).getFirst().id();
        int before = server.app().apiKeys().list(account.id(), Environment.TEST).size();

        DashboardClient.Page page = member.get("/dashboard/test/keys");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Only owners and admins").doesNotContain("id=\"create-key\"");
        String token = page.csrf();
        assertThat(member.post("/dashboard/test/keys", Map.of("_csrf", token, "type", "secret")).status())
                .isEqualTo(403);
        assertThat(member.post("/dashboard/test/keys/" + keyId + "/roll", Map.of("_csrf", token, "grace", "0"))
                .status()).isEqualTo(403);
        DashboardClient.Page revoke = member.post("/dashboard/test/keys/" + keyId + "/revoke", Map.of("_csrf", token));
        assertThat(revoke.status()).isEqualTo(403);
        assertThat(revoke.body()).contains("Only owners and admins can revoke API keys");
        List<ApiKey> after = server.app().apiKeys().list(account.id(), Environment.TEST);
        assertThat(after).hasSize(before).allMatch(k -> k.revokedAt().isEmpty() && k.expiresAt().isEmpty());

        DashboardClient admin = new DashboardClient(server.baseUrl()).signedIn(server.newUser(account, Role.ADMIN));
        DashboardClient.Page created = admin.post("/dashboard/test/keys", Map.of("_csrf", admin.csrf(),
                "type", "publishable"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("pk_test_");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void testModePagesNeverShowLiveData(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        String liveFlow = Fixtures.publishedFlow(server.http(), account.liveKey(),
                Map.of("name", "Live only flow", "product", "pre_kyc"));
        String liveSession = Fixtures.session(server.http(), account.liveKey(), liveFlow);
        String liveKey = server.app().apiKeys().list(account.id(), Environment.LIVE).getFirst().redacted();
        DashboardClient browser = new DashboardClient(server.baseUrl()).signedIn(server.newUser(account, Role.OWNER));

        for (String path : List.of("/dashboard/test", "/dashboard/test/flows", "/dashboard/test/sessions",
                "/dashboard/test/keys", "/dashboard/test/events", "/dashboard/test/mock-passports")) {
            DashboardClient.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("Test mode").doesNotContain("Live only flow")
                    .doesNotContain(liveFlow).doesNotContain(liveSession).doesNotContain(liveKey);
        }
        DashboardClient.Page flow = browser.get("/dashboard/test/flows/" + liveFlow);
        assertThat(flow.status()).isEqualTo(403);
        assertThat(flow.body()).contains("exists in live mode").doesNotContain("Live only flow");
        DashboardClient.Page session = browser.get("/dashboard/test/sessions/" + liveSession);
        assertThat(session.status()).isEqualTo(403);
        assertThat(session.body()).doesNotContain("pre_kyc");
        String liveKeyId = server.app().apiKeys().list(account.id(), Environment.LIVE).getFirst().id();
        assertThat(browser.post("/dashboard/test/keys/" + liveKeyId + "/revoke", Map.of("_csrf", browser.csrf()))
                .status()).isEqualTo(404);
        assertThat(server.app().apiKeys().list(account.id(), Environment.LIVE).getFirst().revokedAt()).isEmpty();

        // The same pages in live do show it, with the live banner.
        assertThat(browser.get("/dashboard/live/flows").body()).contains("Live only flow").doesNotContain("Test mode");
        assertThat(browser.get("/dashboard/live/mock-passports").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void publishingToLiveNeedsAnExplicitConfirmation(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        String liveFlow = server.http().post("/v1/flows", account.liveKey(), Fixtures.flowBody("Draft in live"))
                .body().path("id").asText();
        DashboardClient browser = new DashboardClient(server.baseUrl()).signedIn(server.newUser(account, Role.ADMIN));
        String token = browser.csrf();

        DashboardClient.Page refused = browser.post("/dashboard/live/flows/" + liveFlow + "/publish",
                Map.of("_csrf", token));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Tick the confirmation");
        assertThat(server.app().environment(Environment.LIVE).flows().get(account.id(), liveFlow).status())
                .isEqualTo("draft");
        assertThat(browser.post("/dashboard/live/flows/" + liveFlow + "/publish",
                Map.of("_csrf", token, "confirm", "yes")).status()).isEqualTo(303);
        assertThat(server.app().environment(Environment.LIVE).flows().get(account.id(), liveFlow).status())
                .isEqualTo("published");
    }

    @Test
    void sessionCookiesAreHttpOnlyAndSameSiteAndSecureBehindHttps() {
        TestServer server = TestServer.shared(Db.SQLITE);
        TestUser user = server.newUser(server.newAccount(), Role.MEMBER);
        DashboardClient.Page plain = new DashboardClient(server.baseUrl()).signIn(user.email(), user.password());
        assertThat(plain.setCookies()).filteredOn(c -> c.startsWith("proofdesk_session="))
                .singleElement().satisfies(c -> assertThat(c).contains("; HttpOnly").contains("; SameSite=Lax")
                        .contains("; Path=/").contains("Max-Age=" + SignIns.LIFETIME.toSeconds())
                        .doesNotContain("Secure"));
        assertThat(new DashboardClient(server.baseUrl()).get("/dashboard/test/flows").location())
                .startsWith("/dashboard/sign-in");

        try (TestServer https = TestServer.start(Db.SQLITE, Clock.systemUTC(),
                Map.of("PROOFDESK_PUBLIC_URL", "https://verify.example.com"))) {
            TestUser secure = https.newUser(https.newAccount(), Role.OWNER);
            DashboardClient client = new DashboardClient("http://localhost:" + https.app().port());
            DashboardClient.Page page = client.signIn(secure.email(), secure.password());
            assertThat(page.status()).isEqualTo(303);
            assertThat(page.setCookies()).filteredOn(c -> c.startsWith("__Host-proofdesk_session="))
                    .singleElement().satisfies(c -> assertThat(c).contains("; Secure").contains("; HttpOnly")
                            .contains("; SameSite=Lax").contains("; Path=/").doesNotContain("Domain="));
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void failedSignInsSlowTheGuesserDownButNeverLockTheRealUserOut(Db db) throws Exception {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(db, clock, Map.of())) {
            TestUser user = server.newUser(server.newAccount(), Role.OWNER);
            DashboardClient guesser = new DashboardClient(server.baseUrl());
            int free = SignIns.FREE_FAILURES_PER_EMAIL_AND_ADDRESS;
            for (int i = 0; i < free; i++) {
                DashboardClient.Page wrong = guesser.signIn(user.email(), "not the password " + i);
                assertThat(wrong.status()).isEqualTo(401);
                assertThat(wrong.body()).contains("is not right");
            }
            List<Long> waits = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                DashboardClient.Page limited = guesser.signIn(user.email(), user.password());
                assertThat(limited.status()).as("even the right password waits here").isEqualTo(429);
                assertThat(limited.body()).contains("Too many failed sign-ins for this e-mail address from here");
                assertThat(limited.setCookies()).noneMatch(c -> c.startsWith("proofdesk_session="));
                long wait = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
                waits.add(wait);
                clock.advance(Duration.ofSeconds(wait));
                assertThat(guesser.signIn(user.email(), "still not it " + i).status()).isEqualTo(401);
            }
            assertThat(waits).containsExactly(1L, 2L, 4L, 8L);

            // The real user, elsewhere, is not held up by the guessing.
            DashboardClient elsewhere = new DashboardClient(server.baseUrl(), InetAddress.getByName("127.0.0.2"));
            assertThat(elsewhere.signIn(user.email(), user.password()).status()).isEqualTo(303);

            // Here, the right password works once the wait is over, and the slate is clean again.
            DashboardClient.Page limited = guesser.signIn(user.email(), user.password());
            assertThat(limited.status()).isEqualTo(429);
            clock.advance(Duration.ofSeconds(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())));
            assertThat(guesser.signIn(user.email(), user.password()).status()).isEqualTo(303);
            assertThat(new DashboardClient(server.baseUrl()).signIn(user.email(), "wrong again").status())
                    .isEqualTo(401);
        }
    }

    @Test
    void theWaitGrowsToACeiling() {
        int free = SignIns.FREE_FAILURES_PER_EMAIL_AND_ADDRESS;
        assertThat(SignIns.delay(free - 1, free)).isZero();
        assertThat(SignIns.delay(free, free)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignIns.delay(free + 5, free)).isEqualTo(Duration.ofSeconds(32));
        assertThat(SignIns.delay(free + 40, free)).isEqualTo(SignIns.MAX_DELAY);
    }
}
