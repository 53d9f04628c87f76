package dev.proofdesk.server.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies and small setups that many tests share. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Map<String, Object> flowBody(String name) {
        return Map.of(
                "name", name,
                "product", "age_verification",
                "rules", Map.of("minimumAge", 18, "excludedCountries", List.of("PRK")),
                "disclosures", Map.of("nationality", true));
    }

    /** Creates and publishes a flow; returns its id. */
    public static String publishedFlow(HttpApi http, String key) {
        HttpApi.Response created = http.post("/v1/flows", key, flowBody("Adults"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().path("id").asText();
        HttpApi.Response published = http.post("/v1/flows/" + id + "/publish", key, null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return id;
    }

    public static String session(HttpApi http, String key, String flowId) {
        HttpApi.Response created = http.post("/v1/sessions", key, Map.of("flowId", flowId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().path("id").asText();
    }

    /** Creates and publishes a flow from a full body; returns its id. */
    public static String publishedFlow(HttpApi http, String key, Map<String, Object> body) {
        HttpApi.Response created = http.post("/v1/flows", key, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().path("id").asText();
        assertThat(http.post("/v1/flows/" + id + "/publish", key, null).status()).isEqualTo(200);
        return id;
    }

    /** Creates a mock passport (test keys only); returns its JSON. */
    public static JsonNode mockPassport(HttpApi http, String key, Map<String, Object> attributes) {
        HttpApi.Response created = http.post("/v1/test_helpers/mock_passports", key, attributes);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    /** Completes a session with a mock passport through the test helper; returns the session JSON. */
    public static JsonNode complete(HttpApi http, String key, String sessionId,
                                                                   String mockPassportId) {
        HttpApi.Response done = http.post("/v1/test_helpers/sessions/" + sessionId + "/complete", key,
                Map.of("mockPassportId", mockPassportId));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        return done.body();
    }
}
