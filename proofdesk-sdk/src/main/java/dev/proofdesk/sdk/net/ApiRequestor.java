package dev.proofdesk.sdk.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.sdk.Page;
import dev.proofdesk.sdk.RequestOptions;
import dev.proofdesk.sdk.exception.ApiConnectionException;
import dev.proofdesk.sdk.exception.ProofdeskException;
import dev.proofdesk.sdk.exception.RateLimitException;
import dev.proofdesk.sdk.exception.ServerErrorException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The one HTTP path of the client: authentication, JSON, idempotency keys, retries and the
 * translation of error responses into {@link ProofdeskException}s. Services call it; it keeps no
 * per-call state, so one instance serves every thread.
 */
public final class ApiRequestor {
    private static final String USER_AGENT = "proofdesk-java/0.1.0";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;
    private final Duration timeout;
    private final int maxNetworkRetries;
    private final ObjectMapper json = Json.mapper();

    /** Built by {@code Proofdesk.builder()}, which has already checked the key and the URL. */
    public ApiRequestor(HttpClient http, String baseUrl, String apiKey, Duration timeout, int maxNetworkRetries) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + apiKey;
        this.timeout = timeout;
        this.maxNetworkRetries = maxNetworkRetries;
    }

    public <T> T get(String path, Map<String, String> query, Class<T> type, RequestOptions options) {
        return request("GET", path, query, null, json.constructType(type), options);
    }

    public <T> T post(String path, Map<String, String> query, Object body, Class<T> type, RequestOptions options) {
        return request("POST", path, query, body, json.constructType(type), options);
    }

    public <T> T delete(String path, Class<T> type, RequestOptions options) {
        return request("DELETE", path, Map.of(), null, json.constructType(type), options);
    }

    /** A list endpoint ({@code {data, hasMore}}) as a {@link Page} that can fetch the pages after it. */
    public <T> Page<T> list(String path, Map<String, String> query, Class<T> itemType, Function<T, String> idOf,
                            RequestOptions options) {
        JavaType listType = json.getTypeFactory().constructParametricType(ListBody.class, itemType);
        ListBody<T> body = request("GET", path, query, null, listType, options);
        return new Page<>(body.data() == null ? List.of() : body.data(), body.hasMore(), idOf, after -> {
            Map<String, String> next = new LinkedHashMap<>(query);
            next.put("startingAfter", after);
            return list(path, next, itemType, idOf, options);
        });
    }

    /** A list endpoint that is never paginated, e.g. a flow's versions. */
    public <T> List<T> listAll(String path, Class<T> itemType, RequestOptions options) {
        JavaType listType = json.getTypeFactory().constructParametricType(ListBody.class, itemType);
        ListBody<T> body = request("GET", path, Map.of(), null, listType, options);
        return body.data() == null ? List.of() : List.copyOf(body.data());
    }

    record ListBody<T>(List<T> data, boolean hasMore) {
    }

    /** Encodes a caller-supplied id as one path segment, so it can never change the path. */
    public static String segment(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an id is required");
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> T request(String method, String path, Map<String, String> query, Object body, JavaType type,
                          RequestOptions options) {
        RequestOptions opts = options == null ? RequestOptions.NONE : options;
        HttpRequest request = build(method, path, query, body, opts);
        for (int attempt = 0; ; attempt++) {
            boolean lastAttempt = attempt >= maxNetworkRetries;
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (lastAttempt) {
                    throw connectionFailure(method, path, e);
                }
                sleep(backoff(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiConnectionException("Interrupted while waiting for " + method + " " + path, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return read(response, type);
            }
            ProofdeskException error = ErrorResponses.toException(json, status, response.body(), response.headers());
            Duration wait = retryDelay(error, attempt);
            if (lastAttempt || wait == null) {
                throw error;
            }
            sleep(wait);
        }
    }

    private HttpRequest build(String method, String path, Map<String, String> query, Object body,
                              RequestOptions opts) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path + queryString(query)))
                .timeout(opts.timeout() != null ? opts.timeout() : timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if ("POST".equals(method)) {
            String key = opts.idempotencyKey();
            // With retries on, every POST gets a key, so a retry after a lost response cannot create twice.
            if (key == null && maxNetworkRetries > 0) {
                key = "sdk-" + UUID.randomUUID();
            }
            if (key != null) {
                builder.header("Idempotency-Key", key);
            }
        }
        if (body != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    /** How long to wait before retrying this error, or null when it must not be retried. */
    private static Duration retryDelay(ProofdeskException error, int attempt) {
        if (error instanceof RateLimitException limited) {
            return limited.retryAfter().compareTo(MAX_RETRY_AFTER) <= 0 ? limited.retryAfter() : null;
        }
        if (error instanceof ServerErrorException && error.statusCode() != 501) {
            return backoff(attempt);
        }
        return null;
    }

    /** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s … at most 8 s. */
    private static Duration backoff(int attempt) {
        long cap = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(attempt, 10));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("Interrupted while waiting to retry", e);
        }
    }

    private ApiConnectionException connectionFailure(String method, String path, IOException e) {
        String what = e instanceof HttpTimeoutException ? "timed out" : "failed: " + e;
        return new ApiConnectionException(method + " " + baseUrl + path + " " + what
                + ". Check that the Proofdesk server is running and reachable at " + baseUrl + ".", e);
    }

    private <T> T read(HttpResponse<String> response, JavaType type) {
        try {
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new ProofdeskException("The server's response could not be read as " + type.getRawClass()
                    .getSimpleName() + ": " + e.getOriginalMessage(), response.statusCode(), "unreadable_response",
                    response.headers().firstValue("X-Request-Id").orElse(null), Map.of(), e);
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request parameters could not be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String queryString(Map<String, String> query) {
        StringBuilder out = new StringBuilder();
        query.forEach((name, value) -> {
            if (value != null) {
                out.append(out.isEmpty() ? '?' : '&').append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }
}
