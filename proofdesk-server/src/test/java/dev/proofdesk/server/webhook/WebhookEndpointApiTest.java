package dev.proofdesk.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEndpointApiTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void createsAnEndpointAndShowsItsSecretOnlyOnce(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();

        HttpApi.Response created = http.post("/v1/webhook_endpoints", account.testKey(),
                Map.of("url", "http://localhost:3000/hooks", "description", "local"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode endpoint = created.body();
        assertThat(endpoint.path("object").asText()).isEqualTo("webhook_endpoint");
        assertThat(endpoint.path("status").asText()).isEqualTo("enabled");
        assertThat(endpoint.path("livemode").asBoolean()).isFalse();
        assertThat(endpoint.path("enabledEvents").toString()).isEqualTo("[\"*\"]");
        String secret = endpoint.path("secret").asText();
        assertThat(secret).startsWith("whsec_test_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_test_".length()))).hasSize(32);

        String id = endpoint.path("id").asText();
        HttpApi.Response fetched = http.get("/v1/webhook_endpoints/" + id, account.testKey());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body().has("secret")).as("the secret is shown once").isFalse();
        assertThat(fetched.raw()).doesNotContain(secret.substring(11));

        HttpApi.Response listed = http.get("/v1/webhook_endpoints", account.testKey());
        assertThat(listed.body().path("data")).hasSize(1);
        assertThat(listed.raw()).doesNotContain(secret.substring(11));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void updatesDisablesEnablesAndDeletes(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String id = http.post("/v1/webhook_endpoints", account.testKey(), Map.of("url", "http://localhost:3000/a"))
                .body().path("id").asText();

        HttpApi.Response updated = http.post("/v1/webhook_endpoints/" + id, account.testKey(),
                Map.of("enabledEvents", List.of("session.created", "verification.completed")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.body().path("enabledEvents").toString())
                .isEqualTo("[\"session.created\",\"verification.completed\"]");
        assertThat(updated.body().path("url").asText()).isEqualTo("http://localhost:3000/a");

        HttpApi.Response disabled = http.post("/v1/webhook_endpoints/" + id + "/disable", account.testKey(), null);
        assertThat(disabled.body().path("status").asText()).isEqualTo("disabled");
        assertThat(http.post("/v1/webhook_endpoints/" + id + "/test", account.testKey(), null).status())
                .as("a disabled endpoint gets no test event").isEqualTo(409);
        HttpApi.Response enabled = http.post("/v1/webhook_endpoints/" + id + "/enable", account.testKey(), null);
        assertThat(enabled.body().path("status").asText()).isEqualTo("enabled");

        HttpApi.Response deleted = http.send("DELETE", "/v1/webhook_endpoints/" + id, account.testKey(), null, Map.of());
        assertThat(deleted.body().path("deleted").asBoolean()).isTrue();
        assertThat(http.get("/v1/webhook_endpoints/" + id, account.testKey()).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void refusesBadInputWithMessagesThatSayWhatToDo(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();

        HttpApi.Response noUrl = http.post("/v1/webhook_endpoints", account.testKey(), Map.of("description", "x"));
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(noUrl.message()).contains("url");

        HttpApi.Response badType = http.post("/v1/webhook_endpoints", account.testKey(),
                Map.of("url", "http://localhost:3000/a", "enabledEvents", List.of("session.creatd")));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.message()).contains("session.creatd").contains("session.created");

        HttpApi.Response notUrl = http.post("/v1/webhook_endpoints", account.testKey(), Map.of("url", "ftp://x/y"));
        assertThat(notUrl.status()).isEqualTo(400);
        assertThat(notUrl.message()).contains("http(s)");

        HttpApi.Response overlap = http.post("/v1/webhook_endpoints/" + http.post("/v1/webhook_endpoints",
                        account.testKey(), Map.of("url", "http://localhost:3000/a")).body().path("id").asText()
                + "/rotate_secret", account.testKey(), Map.of("overlapSeconds", -1));
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.message()).contains("overlapSeconds");

        assertThat(http.get("/v1/webhook_endpoints/not-an-id", account.testKey()).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anEndpointOfTheOtherEnvironmentIsAMismatchAndOfAnotherAccountNotFound(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String id = http.post("/v1/webhook_endpoints", account.testKey(), Map.of("url", "http://localhost:3000/a"))
                .body().path("id").asText();

        HttpApi.Response withLive = http.get("/v1/webhook_endpoints/" + id, account.liveKey());
        assertThat(withLive.status()).isEqualTo(403);
        assertThat(withLive.errorCode()).isEqualTo("environment_mismatch");

        TestAccount other = server.newAccount();
        assertThat(http.get("/v1/webhook_endpoints/" + id, other.testKey()).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void secretsAreUniqueAndTaggedByEnvironment(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String test = http.post("/v1/webhook_endpoints", account.testKey(), Map.of("url", "http://localhost:3000/a"))
                .body().path("secret").asText();
        String test2 = http.post("/v1/webhook_endpoints", account.testKey(), Map.of("url", "http://localhost:3000/a"))
                .body().path("secret").asText();
        assertThat(test).startsWith("whsec_test_").isNotEqualTo(test2);
    }
}
