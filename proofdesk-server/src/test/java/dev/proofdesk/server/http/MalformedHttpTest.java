package dev.proofdesk.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that no HTTP client library would send, written to the socket by hand: even those the
 * web server refuses before any route sees them answer in the error envelope, with a request id.
 */
class MalformedHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Raw(int status, Map<String, String> headers, String body) {
        JsonNode error() throws IOException {
            return JSON.readTree(body).path("error");
        }
    }

    record Case(String name, String request, int status, String code, String mentions) {
    }

    @Test
    void refusalsBeforeAnyRouteAnswerInTheErrorEnvelope() throws IOException {
        TestServer server = TestServer.shared(Db.SQLITE);
        String key = server.newAccount().testKey();
        int port = server.app().port();
        List<Case> cases = List.of(
                new Case("space in a header name", get("/v1/flows", key, "Bad Header: v"), 400, "bad_request", "not valid HTTP"),
                new Case("control character in a header", get("/v1/flows", key, "X-A: a\u0001b"), 400, "bad_request", "not valid HTTP"),
                new Case("URI too long", get("/v1/" + "a".repeat(10_000), key), 414, "uri_too_long", "URL is longer"),
                new Case("headers too large", get("/v1/flows", key, "X-Big: " + "b".repeat(20_000)), 431, "header_fields_too_large", "headers are larger"),
                new Case("bad %-encoding in the path", get("/v1/fl%zzows", key), 400, "bad_request", "not valid HTTP"),
                new Case("bad %-encoding in the query", get("/v1/flows?limit=%zz", key), 400, "validation_failed", "limit: has a value that is not valid %-encoding"),
                new Case("not HTTP at all", "HELLO\r\n\r\n", 400, "bad_request", "not valid HTTP"),
                new Case("unknown endpoint", get("/v1/nothing", key), 404, "not_found", "/v1/nothing"),
                new Case("a body without a Content-Type", post("/v1/flows", key, "{\"name\":\"a\",\"product\":\"pre_kyc\"}"),
                        415, "unsupported_media_type", "no Content-Type was given"));
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Raw r = send(port, c.request());
            JsonNode error = r.headers().getOrDefault("content-type", "").startsWith("application/json")
                    ? r.error() : JSON.missingNode();
            boolean ok = r.status() == c.status() && c.code().equals(error.path("code").asText())
                    && error.path("message").asText().contains(c.mentions())
                    && error.path("details").isObject()
                    && r.headers().get("x-request-id") != null
                    && r.headers().get("x-request-id").equals(error.path("requestId").asText())
                    && !r.body().contains("<html");
            if (!ok) {
                failures.add(c.name() + " -> " + r);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aMissingObjectSaysWhichInTheDetails() {
        TestServer server = TestServer.shared(Db.SQLITE);
        String key = server.newAccount().testKey();
        var missing = server.http().get("/v1/sessions/01900000-0000-7000-8000-000000000000", key);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("error").path("details").path("object").asText()).isEqualTo("session");
        assertThat(missing.body().path("error").path("details").path("id").asText())
                .isEqualTo("01900000-0000-7000-8000-000000000000");
        var noRoute = server.http().get("/v1/nothing", key);
        assertThat(noRoute.body().path("error").path("details").path("path").asText()).isEqualTo("/v1/nothing");
        var noDetails = server.http().get("/v1/flows", null);
        assertThat(noDetails.body().path("error").path("details").isObject()).as(noDetails.raw()).isTrue();
    }

    private static String get(String target, String key, String... headers) {
        StringBuilder out = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        out.append("Authorization: Bearer ").append(key).append("\r\n");
        for (String header : headers) {
            out.append(header).append("\r\n");
        }
        return out.append("Connection: close\r\n\r\n").toString();
    }

    private static String post(String target, String key, String body) {
        return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key + "\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
    }

    private static Raw send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] head = (end < 0 ? text : text.substring(0, end)).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                if (colon > 0) {
                    headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
                }
            }
            int status = head[0].startsWith("HTTP/1.1 ") ? Integer.parseInt(head[0].substring(9, 12)) : -1;
            return new Raw(status, headers, end < 0 ? "" : text.substring(end + 4));
        }
    }
}
