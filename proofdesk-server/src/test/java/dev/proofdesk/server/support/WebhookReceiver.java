package dev.proofdesk.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A webhook handler on 127.0.0.1 that records every request and answers what the test tells it
 * to: a status code, or a hang (never answering, until closed).
 */
public final class WebhookReceiver implements AutoCloseable {
    /** A request as the handler saw it; header names lower-cased. */
    public record Received(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    /** What to answer; {@link #HANG} never answers. */
    public record Answer(int status, Map<String, String> headers) {
        public static final Answer OK = new Answer(200, Map.of());
        public static final Answer HANG = new Answer(-1, Map.of());

        public static Answer status(int status) {
            return new Answer(status, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Function<Received, Answer> behaviour = r -> Answer.OK;

    private final String scheme;

    private WebhookReceiver(boolean tls) throws IOException {
        if (tls) {
            HttpsServer https = HttpsServer.create(
                    new InetSocketAddress("127.0.0.1", 0), 0);
            https.setHttpsConfigurator(new HttpsConfigurator(
                    SelfSignedTls.get().serverContext()));
            server = https;
        } else {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        scheme = tls ? "https" : "http";
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static WebhookReceiver start() {
        return start(false);
    }

    /** An HTTPS receiver whose certificate is {@link SelfSignedTls}'s, for live endpoints. */
    public static WebhookReceiver startHttps() {
        return start(true);
    }

    private static WebhookReceiver start(boolean tls) {
        try {
            return new WebhookReceiver(tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebhookReceiver answering(Function<Received, Answer> behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    /** http(s)://127.0.0.1:port/path */
    public String url(String path) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public String localhostUrl(String path) {
        return scheme + "://localhost:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received request = new Received(exchange.getRequestURI().getPath(), headers, body);
        received.add(request);
        Answer answer = behaviour.apply(request);
        if (answer.status() < 0) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] out = ("{\"received\":true,\"status\":" + answer.status() + "}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    /** The distinct {@code webhook-id}s received so far. */
    public java.util.Set<String> webhookIds() {
        return received.stream().map(r -> r.header("webhook-id")).collect(java.util.stream.Collectors.toSet());
    }

    /** Waits until {@code count} requests match, up to {@code timeout}; returns them. */
    public List<Received> await(Predicate<Received> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> matching = received(filter);
            if (matching.size() >= count) {
                return matching;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " matching webhook requests within " + timeout + ", got "
                + received(filter).size() + " (of " + received.size() + " in all)");
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
