package dev.proofdesk.server.webhook;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * POSTs one signed payload. Redirects are not followed (they count as failures); 15 s timeout. An
 * address the {@link UrlPolicy} refuses is never connected to: the attempt says why instead.
 */
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
        Request request;
        try {
            request = client.get().newRequest(url)
                    .method(HttpMethod.POST)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .headers(h -> headers.forEach(h::put))
                    .body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Response.failure("cannot send to this URL: " + e.getMessage(), elapsed(started), false);
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            org.eclipse.jetty.client.Response response = listener.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String excerpt = excerpt(listener);
            long ms = elapsed(started);
            int status = response.getStatus();
            String error = status >= 300 && status < 400
                    ? "redirects are not followed (Location: " + Optional.ofNullable(response.getHeaders().get("Location"))
                    .orElse("none") + "); point the endpoint at the final URL"
                    : status >= 200 && status < 300 ? null : "the endpoint answered " + status;
            return new Response(status, ms, excerpt, error,
                    Optional.ofNullable(response.getHeaders().get("Retry-After")).flatMap(this::retryAfter), false);
        } catch (TimeoutException e) {
            request.abort(e);
            return timedOut(started);
        } catch (ExecutionException e) {
            return failure(e.getCause(), started);
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            return Response.failure("interrupted while the server was stopping", elapsed(started), false);
        }
    }

    /** Only the start is kept; closing early drops the rest of an oversized or endless answer. */
    private static String excerpt(InputStreamResponseListener listener) {
        try (InputStream in = listener.getInputStream()) {
            return new String(in.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private Response failure(Throwable cause, long started) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UrlPolicy.RefusedAddressException refused) {
                return Response.failure("refused before sending: " + refused.getMessage(), elapsed(started), false);
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return timedOut(started);
            }
        }
        return Response.failure("connection failed: " + describe(cause), elapsed(started), false);
    }

    private Response timedOut(long started) {
        return Response.failure("no response within " + timeout.toSeconds() + " s", elapsed(started), true);
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

    private static String describe(Throwable e) {
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
