package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.dashboard.user.Role;
import dev.proofdesk.server.support.Browser;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import dev.proofdesk.server.support.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in headless Chromium, never touching the API: signs in, builds and publishes a test flow,
 * verifies on the hosted page with a mock passport, finds the session valid, promotes the flow to
 * live. Saves screenshots of the main pages to target/screenshots.
 */
@Tag("browser")
class DashboardBrowserTest {
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.shared(Db.SQLITE);
        browser = new Browser(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static TestAccount account;

    private static TestUser signIn(Role role) {
        account = server.newAccount();
        TestUser user = server.newUser(account, role);
        browser.driver().manage().deleteAllCookies();
        browser.open("/dashboard");
        browser.waitForPath("/dashboard/sign-in");
        browser.type("#email", user.email());
        browser.type("#password", user.password());
        browser.clickAndLoad("form button[type=submit]");
        assertThat(browser.waitForPath("/dashboard/")).isEqualTo("/dashboard/test");
        return user;
    }

    @Test
    void buildPublishAndVerifyATestFlowThenPromoteItToLive() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/dashboard/sign-in");
        browser.screenshot("01-sign-in");
        signIn(Role.OWNER);
        assertThat(browser.find(".banner").getText()).contains("Test mode");

        browser.clickTextAndLoad("Flows");
        browser.clickTextAndLoad("New flow");
        browser.type("#name", "Adults");
        browser.type("[id='rules.minimumAge']", "130");
        browser.type("[id='rules.includedCountries']", "GBR, XXQ");
        browser.clickAndLoad("form button.primary");
        assertThat(browser.find("#form-errors").getText()).contains("rules.minimumAge").contains("XXQ");
        assertThat(browser.find("[id='rules.minimumAge-error']").getText()).contains("0 to 120");
        browser.screenshot("02-flow-form-errors");

        browser.type("[id='rules.minimumAge']", "18");
        browser.type("[id='rules.includedCountries']", "");
        browser.click("[id='disclosures.nationality']");
        browser.clickAndLoad("form button.primary");
        assertThat(browser.find(".flash").getText()).contains("Created the draft flow");
        browser.clickAndLoad("#publish");
        assertThat(browser.find(".flash").getText()).contains("Published version 1");
        browser.screenshot("03-flow-published");

        browser.clickAndLoad("#try-flow");
        browser.waitForPath("/verify/");
        assertThat(browser.find("#disclosed").getText()).contains("Nationality");
        browser.screenshot("04-hosted-page-test");
        browser.type("#fullName", "Jane Doe");
        browser.type("#age", "34");
        browser.clickAndLoad("#create-and-verify");
        browser.waitForText("#outcome", "You are verified");
        browser.screenshot("05-hosted-page-verified");

        browser.open("/dashboard/test/sessions");
        assertThat(browser.find("#sessions tbody").getText()).contains("Adults").contains("valid");
        browser.screenshot("06-sessions");
        browser.clickAndLoad("#sessions tbody a");
        assertThat(browser.find("#session-status").getText()).isEqualTo("valid");
        assertThat(browser.find("#checks").getText()).contains("sod_signature").contains("active_authentication").contains("passed");
        assertThat(browser.find("#attributes").getText()).contains("UTO");
        assertThat(browser.find("#events").getText()).contains("session.created").contains("verification.completed");
        browser.screenshot("07-session-detail");

        browser.clickTextAndLoad("Overview");
        assertThat(browser.find(".chart").getText()).contains("Sessions per day");
        browser.screenshot("08-overview-test");

        // Promote on purpose: import into live as a draft, review the diff, publish with confirmation.
        browser.clickTextAndLoad("Flows");
        browser.clickTextAndLoad("Adults");
        browser.clickAndLoad("#copy-to-live");
        browser.waitForPath("/dashboard/live/flows/copy");
        assertThat(browser.find(".banner").getText()).contains("Live");
        assertThat(browser.find("table.diff").getText()).contains("rules.minimumAge").contains("18");
        browser.screenshot("09-copy-to-live");
        browser.clickAndLoad("#import-draft");
        assertThat(browser.find(".flash").getText()).contains("Imported into live as draft v1");
        assertThat(browser.find("#review").getText()).contains("not published yet");
        browser.screenshot("10-live-flow-review");
        browser.click("#confirm-publish");
        browser.clickAndLoad("#publish");
        assertThat(browser.find(".flash").getText()).contains("Published version 1 to live");
        assertThat(browser.find("h1 + .badge, .badge").getText()).isEqualTo("published");

        // Keys: create (revealed once), roll with a grace period.
        browser.open("/dashboard/test/keys");
        browser.clickAndLoad("#create-key");
        String created = browser.find("#secret").getAttribute("value");
        assertThat(created).startsWith("sk_test_");
        browser.screenshot("11-key-revealed");
        browser.clickTextAndLoad("Done");
        assertThat(browser.driver().getPageSource()).doesNotContain(created);
        browser.clickAndLoad("#keys .roll-key");
        assertThat(browser.find(".flash").getText()).contains("Rolled").contains("24h");
        String rolled = browser.find("#secret").getAttribute("value");
        assertThat(rolled).startsWith("sk_test_");
        browser.clickTextAndLoad("Done");
        assertThat(browser.find("#keys").getText()).contains("expiring").contains(rolled.substring(rolled.length() - 4));
        browser.screenshot("12-keys");

        browser.open("/dashboard/test/mock-passports");
        browser.type("#fullName", "Sam Flagged");
        browser.type("#nationality", "XXQ");
        browser.clickAndLoad("#create-mock");
        assertThat(browser.find("#form-errors").getText()).contains("nationality");
        browser.type("#nationality", "GBR");
        browser.type("#age", "17");
        browser.clickAndLoad("#create-mock");
        assertThat(browser.find(".flash").getText()).contains("SAM FLAGGED");
        browser.screenshot("13-mock-passports");

        // Webhooks: the secret is shown once at creation, and again only when rotated.
        browser.open("/dashboard/test/webhooks");
        browser.type("#url", "http://localhost:9/proofdesk-hook");
        browser.clickAndLoad("#create-endpoint");
        String first = browser.find("#secret").getAttribute("value");
        assertThat(first).startsWith("whsec_test_");
        browser.clickTextAndLoad("Done");
        browser.clickAndLoad("#rotate-secret");
        assertThat(browser.find(".flash").getText()).contains("keeps signing alongside for 24h");
        String second = browser.find("#secret").getAttribute("value");
        assertThat(second).startsWith("whsec_test_").isNotEqualTo(first);
        browser.clickTextAndLoad("Done");
        assertThat(browser.driver().getPageSource()).doesNotContain(second).contains("Previous secret signs until");
        browser.screenshot("15-webhook-endpoint");

        browser.open("/dashboard/live/audit");
        assertThat(browser.find("#audit").getText()).contains("flow.published").contains("api_key.rolled")
                .contains("flow.copied_to_live").contains("webhook_endpoint.secret_rotated");
        browser.screenshot("14-audit-log");
    }
}
