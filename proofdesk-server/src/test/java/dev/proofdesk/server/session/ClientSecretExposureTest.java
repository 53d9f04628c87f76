package dev.proofdesk.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.dashboard.user.Role;
import dev.proofdesk.server.store.Database;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.DashboardClient;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.Postgres;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import dev.proofdesk.server.support.WebhookReceiver;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's client secret lets anyone act as the person verifying: the integrator's API calls
 * see it, but no event, webhook or dashboard event page ever does.
 */
class ClientSecretExposureTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void eventsWebhooksAndTheDashboardNeverCarryTheClientSecret(Db db) throws Exception {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String key = account.testKey();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            assertThat(http.post("/v1/webhook_endpoints", key, Map.of("url", receiver.url("/h"))).status())
                    .isEqualTo(201);
            String flow = Fixtures.publishedFlow(http, key);

            HttpApi.Response created = http.post("/v1/sessions", key, Map.of("flowId", flow));
            String completed = created.body().path("id").asText();
            String secret = created.body().path("clientSecret").asText();
            assertThat(secret).startsWith("cs_test_");
            assertThat(created.body().path("verificationUrl").asText()).endsWith("?token=" + secret);
            assertThat(http.get("/v1/sessions/" + completed, key).body().path("clientSecret").asText())
                    .as("the integrator may read it again with the API key").isEqualTo(secret);
            String passport = Fixtures.mockPassport(http, key, Map.of("age", 30)).path("id").asText();
            Fixtures.complete(http, key, completed, passport);
            String canceled = Fixtures.session(http, key, flow);
            assertThat(http.post("/v1/sessions/" + canceled + "/cancel", key, null).status()).isEqualTo(200);

            List<WebhookReceiver.Received> delivered = receiver.await(r -> true, 5, Duration.ofSeconds(30));
            assertThat(delivered).extracting(r -> new ObjectMapper().readTree(r.body()).path("type").asText())
                    .contains("session.created", "verification.completed", "session.canceled");
            assertThat(delivered).allSatisfy(r -> assertThat(r.body()).doesNotContain("cs_test_")
                    .doesNotContain("token="));

            HttpApi.Response events = http.get("/v1/events?limit=100", key);
            assertThat(events.body().path("data")).hasSizeGreaterThanOrEqualTo(4);
            assertThat(events.raw()).doesNotContain("cs_test_").doesNotContain("token=");
            DashboardClient dashboard = new DashboardClient(server.baseUrl())
                    .signedIn(server.newUser(account, Role.OWNER));
            for (JsonNode event : events.body().path("data")) {
                String id = event.path("id").asText();
                assertThat(http.get("/v1/events/" + id, key).raw()).doesNotContain("cs_test_");
                DashboardClient.Page page = dashboard.get("/dashboard/test/events/" + id);
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.body()).as(event.path("type").asText()).doesNotContain("cs_test_")
                        .doesNotContain("token=");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void eventsStoredByEarlierVersionsLoseTheSecretOnUpgrade(Db db) throws Exception {
        Path dataDir = Files.createTempDirectory("proofdesk-upgrade");
        String postgres = db == Db.POSTGRES ? Postgres.freshDatabase() : null;
        String jdbcUrl = postgres != null ? postgres : "jdbc:sqlite:" + dataDir.resolve("test.db");
        var before = Flyway.configure().dataSource(jdbcUrl, null, null)
                .locations("classpath:db/environment").target("29?");
        if (postgres != null) {
            before.schemas("test").defaultSchema("test").createSchemas(true);
        }
        before.load().migrate();
        String url = "http://localhost:8080/verify/0193a0b4-0000-7000-8000-000000000001?token=cs_test_"
                + "A".repeat(43);
        String old = "{\"id\":\"0193a0b4-0000-7000-8000-000000000001\",\"status\":\"pending\",\"verificationUrl\":\""
                + url + "\",\"clientSecret\":null,\"metadata\":{\"plan\":\"gold\"},\"object\":\"session\"}";
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement insert = c.prepareStatement((postgres != null ? "INSERT INTO test.events" : "INSERT INTO events")
                     + " (id, account_id, type, data, created_at) VALUES (?, 'acct', 'session.created', ?, 1)")) {
            insert.setString(1, "0193a0b4-0000-7000-8000-0000000000e1");
            insert.setString(2, old);
            insert.executeUpdate();
        }

        try (Database database = Database.open(Optional.ofNullable(postgres), dataDir, 2)) {
            String data = database.environment(Environment.TEST).read(h -> h.createQuery(
                    "SELECT data FROM events WHERE id = '0193a0b4-0000-7000-8000-0000000000e1'")
                    .mapTo(String.class).one());
            assertThat(data).doesNotContain("token=").doesNotContain("cs_test_");
            JsonNode session = new ObjectMapper().readTree(data);
            assertThat(session.path("verificationUrl").isNull()).isTrue();
            assertThat(session.path("metadata").path("plan").asText()).isEqualTo("gold");
            assertThat(session.path("status").asText()).isEqualTo("pending");
        }
    }
}
