package dev.proofdesk.server.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** POSTs one signed payload. Redirects are not followed (they count as failures); 15 s timeout. */
final class Sender {
    static final int EXCERPT_BYTES = 512;
    private final Supplier<HttpClient> client;
    private final Duration timeout;
    private final Clock clock;

    Sender(Supplier<HttpClient> client, Duration timeout, Clock clock) {
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    Response post(URI url, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Proofdesk-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = client.get().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream in = response.body()) {
                // Only the start is kept; closing early drops the rest of an oversized answer.
                excerpt = new String(in.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
            }
            long ms = elapsed(started);
            int status = response.statusCode();
            String error = status >= 300 && status < 400
                    ? "redirects are not followed (Location: " + response.headers().firstValue("Location").orElse("none")
                    + "); point the endpoint at the final URL"
                    : status >= 200 && status < 300 ? null : "the endpoint answered " + status;
            return new Response(status, ms, excerpt, error,
                    response.headers().firstValue("Retry-After").flatMap(this::retryAfter), false);
        } catch (HttpTimeoutException e) {
            return Response.failure("no response within " + timeout.toSeconds() + " s", elapsed(started), true);
        } catch (IOException e) {
            return Response.failure("connection failed: " + describe(e), elapsed(started), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.failure("interrupted while the server was stopping", elapsed(started), false);
        } catch (IllegalArgumentException e) {
            return Response.failure("cannot send to this URL: " + e.getMessage(), elapsed(started), false);
        }
    }

    private Optional<Duration> retryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Optional.empty() : Optional.of(d);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
        }
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
