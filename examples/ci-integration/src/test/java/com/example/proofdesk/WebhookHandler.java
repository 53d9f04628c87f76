package com.example.proofdesk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.proofdesk.sdk.webhook.WebhookEvent;
import dev.proofdesk.sdk.webhook.WebhookVerificationException;
import dev.proofdesk.sdk.webhook.Webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The application's webhook endpoint, as it would run in production: verify the signature with
 * the endpoint's secret, answer 400 to anything unverified, and handle each event id once.
 */
final class WebhookHandler implements AutoCloseable {
    private final HttpServer server;
    private final String secret;
    private final List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();

    WebhookHandler(int port, String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hooks", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        try {
            WebhookEvent event = Webhooks.constructEvent(body, exchange.getRequestHeaders(), secret);
            if (handled.stream().noneMatch(e -> e.id().equals(event.id()))) { // retries carry the same id
                handled.add(event);
            }
            status = 200;
        } catch (WebhookVerificationException e) {
            rejected.add(e.getMessage());
            status = 400;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Waits for a verified event that matches. */
    Optional<WebhookEvent> await(Predicate<WebhookEvent> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<WebhookEvent> found = handled.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    List<String> rejected() {
        return List.copyOf(rejected);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
