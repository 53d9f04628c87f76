package dev.proofdesk.server.http;

import dev.proofdesk.server.apikey.KeyKind;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed requests, each with the status, code and field a person needs to fix it. */
class BadInputTest {

    record Case(String name, String method, String path, String key, Object body, Map<String, String> headers,
                int status, String code, String mentions) {
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void everyMalformedRequestGetsAClearFourHundred(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String flow = Fixtures.publishedFlow(http, account.testKey());
        String revoked = server.app().apiKeys().create(account.id(), Environment.TEST,
                KeyKind.SECRET, "test").secret();
        String revokedId = server.app().apiKeys().list(account.id(), Environment.TEST)
                .stream().filter(k -> revoked.endsWith(k.last4())).findFirst().orElseThrow().id();
        server.app().apiKeys().revoke(account.id(), revokedId, "test");
        String key = account.testKey();
        String huge = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        String liveFlow = Fixtures.publishedFlow(http, account.liveKey());
        String ownSession = Fixtures.session(http, key, flow);
        TestAccount other = server.newAccount();
        String othersSession = Fixtures.session(http, other.testKey(), Fixtures.publishedFlow(http, other.testKey()));
        String endpoint = http.post("/v1/webhook_endpoints", key, Map.of("url", "http://localhost:3000/h"))
                .body().path("id").asText();

        List<Case> cases = List.of(
                new Case("not JSON", "POST", "/v1/flows", key, "{name: nope", Map.of(), 400, "validation_failed", "not valid JSON"),
                new Case("empty body", "POST", "/v1/flows", key, null, Map.of(), 400, "validation_failed", "JSON object is required"),
                new Case("array body", "POST", "/v1/flows", key, "[1,2]", Map.of(), 400, "validation_failed", "must be a JSON object"),
                new Case("trailing garbage", "POST", "/v1/flows", key, "{\"name\":\"a\"} x", Map.of(), 400, "validation_failed", "body"),
                new Case("unknown field", "POST", "/v1/flows", key, Map.of("name", "a", "product", "pre_kyc", "colour", "red"), Map.of(), 400, "validation_failed", "colour"),
                new Case("unknown nested field", "POST", "/v1/flows", key, Map.of("name", "a", "product", "pre_kyc", "rules", Map.of("minAge", 3)), Map.of(), 400, "validation_failed", "rules.minAge"),
                new Case("string for number", "POST", "/v1/flows", key, Map.of("name", "a", "product", "pre_kyc", "rules", Map.of("minimumAge", "18")), Map.of(), 400, "validation_failed", "rules.minimumAge"),
                new Case("number for string", "POST", "/v1/flows", key, Map.of("name", 5, "product", "pre_kyc"), Map.of(), 400, "validation_failed", "name"),
                new Case("number for boolean", "POST", "/v1/flows", key, Map.of("name", "a", "product", "pre_kyc", "rules", Map.of("ofac", 1)), Map.of(), 400, "validation_failed", "rules.ofac"),
                new Case("object for array", "POST", "/v1/flows", key, Map.of("name", "a", "product", "pre_kyc", "documents", Map.of()), Map.of(), 400, "validation_failed", "documents"),
                new Case("null in array", "POST", "/v1/flows", key, "{\"name\":\"a\",\"product\":\"pre_kyc\",\"documents\":[null]}", Map.of(), 400, "validation_failed", "documents[0]"),
                new Case("duplicate key", "POST", "/v1/flows", key, "{\"name\":\"a\",\"name\":\"b\",\"product\":\"pre_kyc\"}", Map.of(), 400, "validation_failed", "name"),
                new Case("huge body", "POST", "/v1/flows", key, huge, Map.of(), 413, "payload_too_large", "larger than"),
                new Case("bad flow uuid", "GET", "/v1/flows/not-a-uuid", key, null, Map.of(), 400, "validation_failed", "not a flow id"),
                new Case("bad session uuid", "GET", "/v1/sessions/1234", key, null, Map.of(), 400, "validation_failed", "not a session id"),
                new Case("bad flowId in body", "POST", "/v1/sessions", key, Map.of("flowId", "abc"), Map.of(), 400, "validation_failed", "flowId"),
                new Case("unknown flow", "POST", "/v1/sessions", key, Map.of("flowId", "01900000-0000-7000-8000-000000000000"), Map.of(), 404, "not_found", "flow"),
                new Case("bad limit", "GET", "/v1/flows?limit=1000", key, null, Map.of(), 400, "validation_failed", "limit"),
                new Case("bad cursor", "GET", "/v1/sessions?startingAfter=zzz", key, null, Map.of(), 400, "validation_failed", "startingAfter"),
                new Case("no auth", "GET", "/v1/flows", null, null, Map.of(), 401, "unauthenticated", "Missing API key"),
                new Case("basic auth", "GET", "/v1/flows", null, null, Map.of("Authorization", "Basic Zm9vOmJhcg=="), 401, "unauthenticated", "Bearer"),
                new Case("malformed key", "GET", "/v1/flows", "sk_test_123", null, Map.of(), 401, "unauthenticated", "malformed"),
                new Case("bad checksum", "GET", "/v1/flows", key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A"), null, Map.of(), 401, "unauthenticated", "malformed"),
                new Case("revoked key", "GET", "/v1/flows", revoked, null, Map.of(), 401, "unauthenticated", "revoked"),
                new Case("unknown route", "GET", "/v1/nothing", key, null, Map.of(), 404, "not_found", "/v1/nothing"),
                new Case("bad idempotency key", "POST", "/v1/sessions", key, Map.of("flowId", flow), Map.of("Idempotency-Key", "has space"), 400, "validation_failed", "Idempotency-Key"),
                new Case("NUL in a string", "POST", "/v1/flows", key, "{\"name\":\"a\\u0000b\",\"product\":\"pre_kyc\"}", Map.of(), 400, "validation_failed", "name: contains a NUL character"),
                new Case("NUL in an array", "POST", "/v1/flows", key, "{\"name\":\"a\",\"product\":\"pre_kyc\",\"documents\":[\"passport\\u0000\"]}", Map.of(), 400, "validation_failed", "documents[0]: contains a NUL"),
                new Case("NUL in an import", "POST", "/v1/flows/import", key, "{\"name\":\"\\u0000\",\"product\":\"pre_kyc\"}", Map.of(), 400, "validation_failed", "name: contains a NUL"),
                new Case("NUL in metadata", "POST", "/v1/sessions", key, "{\"flowId\":\"" + flow + "\",\"metadata\":{\"note\":\"x\\u0000\"}}", Map.of(), 400, "validation_failed", "metadata.note: contains a NUL"),
                new Case("NUL in a metadata key", "POST", "/v1/sessions", key, "{\"flowId\":\"" + flow + "\",\"metadata\":{\"a\\u0000\":\"x\"}}", Map.of(), 400, "validation_failed", "metadata: has a field name that contains a NUL"),
                new Case("NUL in a webhook description", "POST", "/v1/webhook_endpoints", key, "{\"url\":\"http://localhost:3000/h\",\"description\":\"a\\u0000\"}", Map.of(), 400, "validation_failed", "description: contains a NUL"),
                new Case("unpaired surrogate", "POST", "/v1/flows", key, "{\"name\":\"a\\ud800b\",\"product\":\"pre_kyc\"}", Map.of(), 400, "validation_failed", "name: contains an unpaired UTF-16 surrogate (\\uD800)"),
                new Case("unknown query parameter", "GET", "/v1/sessions?externalUuid=5b0c6a53-3d4e-4c1a-9a55-0d2f0d1f6a11", key, null, Map.of(), 400, "validation_failed", "externalUuid: is not a query parameter of this endpoint; it takes limit, startingAfter, status, flowId"),
                new Case("query where none is taken", "GET", "/v1/flows/" + flow + "?expand=versions", key, null, Map.of(), 400, "validation_failed", "expand: is not a query parameter of this endpoint, which takes none"),
                new Case("query on a POST", "POST", "/v1/sessions?flowId=" + flow, key, Map.of("flowId", flow), Map.of(), 400, "validation_failed", "flowId: is not a query parameter"),
                new Case("parameter given twice", "GET", "/v1/flows?limit=1&limit=2", key, null, Map.of(), 400, "validation_failed", "limit: is given 2 times"),
                new Case("NUL in a query value", "GET", "/v1/events?type=%00", key, null, Map.of(), 400, "validation_failed", "type: contains a NUL"),
                new Case("cursor from live", "GET", "/v1/flows?startingAfter=" + liveFlow, key, null, Map.of(), 400, "validation_failed", "startingAfter: '" + liveFlow + "' is not an object of this list"),
                new Case("cursor of another account", "GET", "/v1/sessions?startingAfter=" + othersSession, key, null, Map.of(), 400, "validation_failed", "startingAfter"),
                new Case("cursor of another list", "GET", "/v1/events?startingAfter=" + ownSession, key, null, Map.of(), 400, "validation_failed", "startingAfter"),
                new Case("cursor of another endpoint", "GET", "/v1/webhook_endpoints/" + endpoint + "/deliveries?startingAfter=" + ownSession, key, null, Map.of(), 400, "validation_failed", "startingAfter"),
                new Case("cursor of no mock passport", "GET", "/v1/test_helpers/mock_passports?startingAfter=" + ownSession, key, null, Map.of(), 400, "validation_failed", "startingAfter"),
                new Case("text body", "POST", "/v1/flows", key, "{\"name\":\"a\",\"product\":\"pre_kyc\"}", Map.of("Content-Type", "text/plain"), 415, "unsupported_media_type", "Content-Type: application/json' (got 'text/plain')"),
                new Case("form body", "POST", "/v1/sessions", key, "flowId=" + flow, Map.of("Content-Type", "application/x-www-form-urlencoded"), 415, "unsupported_media_type", "application/x-www-form-urlencoded"),
                new Case("JSON in UTF-16", "POST", "/v1/flows", key, "{\"name\":\"a\",\"product\":\"pre_kyc\"}", Map.of("Content-Type", "application/json; charset=utf-16"), 415, "unsupported_media_type", "UTF-8"),
                new Case("reversed surrogates", "POST", "/v1/flows", key, "{\"name\":\"\\udc00\\ud800\",\"product\":\"pre_kyc\"}", Map.of(), 400, "validation_failed", "surrogate"));

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            HttpApi.Response r;
            try {
                r = http.send(c.method(), c.path(), c.key(), c.body(), c.headers());
            } catch (UncheckedIOException e) {
                failures.add(c.name() + " -> no answer: " + e.getMessage());
                continue;
            }
            boolean ok = r.status() == c.status() && c.code().equals(r.errorCode())
                    && r.message() != null && r.message().toLowerCase().contains(c.mentions().toLowerCase())
                    && r.body().path("error").path("requestId").asText().equals(r.header("X-Request-Id"))
                    && !r.raw().contains("Exception") && !r.raw().contains("\tat ");
            if (!ok) {
                failures.add(c.name() + " -> " + r.status() + " " + r.raw().substring(0, Math.min(400, r.raw().length())));
            }
        }
        assertThat(failures).isEmpty();
        HttpApi.Response emoji = http.post("/v1/flows", key, "{\"name\":\"Adults \\ud83d\\ude00\",\"product\":\"pre_kyc\"}",
                Map.of("Content-Type", "Application/JSON; charset=UTF-8"));
        assertThat(emoji.status()).as("a surrogate pair is one valid character: " + emoji).isEqualTo(201);
        assertThat(emoji.body().path("name").asText()).isEqualTo("Adults \uD83D\uDE00");
    }
}
