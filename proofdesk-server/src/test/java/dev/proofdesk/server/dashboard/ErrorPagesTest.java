package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.support.DashboardClient;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What no page handles still reaches a browser as a page; the API keeps its JSON envelope. */
class ErrorPagesTest {

    @Test
    void aDashboardPathWithoutAPageIsAnHtmlPage() {
        TestServer server = TestServer.shared(Db.SQLITE);
        DashboardClient.Page page = new DashboardClient(server.baseUrl()).get("/dashboard/test/nowhere/at/all");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<!DOCTYPE html>").contains("There is no page at /dashboard/test/nowhere/at/all")
                .doesNotContain("\"error\"").doesNotContain("openapi.json");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void aHostedPagePathWithoutAPageIsTheHostedProblemPage() {
        TestServer server = TestServer.shared(Db.SQLITE);
        DashboardClient.Page page = new DashboardClient(server.baseUrl())
                .get("/verify/0190a5b4-0000-7000-8000-000000000000/nowhere");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("There is no such verification.").doesNotContain("\"error\"");
    }

    @Test
    void theApiStillAnswersWithTheErrorEnvelope() {
        HttpApi.Response response = TestServer.shared(Db.SQLITE).http().get("/v1/nowhere", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
        assertThat(response.message()).contains("openapi.json");
    }
}
