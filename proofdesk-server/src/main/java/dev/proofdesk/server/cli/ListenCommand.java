package dev.proofdesk.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofdesk.sdk.webhook.Webhooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.concurrent.Callable;

@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Forward the test environment's events, signed, to a local handler as they happen.")
final class ListenCommand implements Callable<Integer> {
    private static final int SEEN = 10_000;

    @Mixin
    ApiOptions api;

    @Option(names = "--forward-to", paramLabel = "URL",
            description = "Where to POST each event, e.g. http://localhost:3000/hooks; no default: required unless "
                    + "--print-secret.")
    String forwardTo;

    @Option(names = "--events", split = ",", paramLabel = "TYPE",
            description = "Only these event types (comma-separated); default all.")
    List<String> events;

    @Option(names = "--print-secret", description = "Print the signing secret on one line and exit (for scripts).")
    boolean printSecret;

    @Option(names = "--max-events", paramLabel = "N",
            description = "Stop after forwarding N events; default: run until interrupted.")
    Integer maxEvents;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Built when the command runs, not when the command line is parsed (the client loads the JDK's TLS anchors). */
    private HttpClient http;
    private ObjectMapper json;

    @Override
    public Integer call() throws InterruptedException {
        json = new ObjectMapper();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String key = api.key();
        String secret = get("/v1/listen/secret", key).path("secret").asText();
        if (printSecret) {
            out.println(secret);
            out.flush();
            return 0;
        }
        if (forwardTo == null) {
            throw new InvalidArgumentException(spec, "--forward-to",
                    "is required, e.g. --forward-to http://localhost:3000/hooks");
        }
        URI target = URI.create(forwardTo);
        err.println("Ready. Forwarding test events to " + forwardTo + " signed with " + secret
                + " (Ctrl-C to stop).");
        err.flush();
        SequencedSet<String> seen = new LinkedHashSet<>();
        String cursor = null;
        int forwarded = 0;
        while (maxEvents == null || forwarded < maxEvents) {
            JsonNode page;
            try {
                page = get("/v1/listen/events?waitSeconds=25" + (cursor != null ? "&cursor=" + cursor : ""), key);
            } catch (CommandRefusedException e) {
                throw e;
            } catch (RuntimeException e) {
                err.println("Lost the connection to " + api.url() + " (" + e.getMessage() + "); retrying in 2 s.");
                err.flush();
                Thread.sleep(2_000);
                continue;
            }
            cursor = page.path("cursor").asText(cursor);
            for (JsonNode event : page.path("data")) {
                String id = event.path("id").asText();
                if (!seen.add(id)) {
                    continue;
                }
                if (seen.size() > SEEN) {
                    seen.removeFirst();
                }
                if (events != null && !events.contains(event.path("type").asText())) {
                    continue;
                }
                out.println(forward(target, event, secret));
                out.flush();
                forwarded++;
                if (maxEvents != null && forwarded >= maxEvents) {
                    break;
                }
            }
        }
        return 0;
    }

    private String forward(URI target, JsonNode event, String secret) {
        ObjectNode body = json.createObjectNode();
        for (String field : List.of("id", "type", "createdAt", "livemode", "data")) {
            body.set(field, event.get(field));
        }
        String text = body.toString();
        String id = event.path("id").asText();
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        Webhooks.signatureHeaders(id, Instant.now(), text, secret).forEach(request::header);
        String line = Instant.now() + "  " + event.path("type").asText() + "  " + id + "  -> ";
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return line + response.statusCode();
        } catch (IOException e) {
            return line + "failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return line + "interrupted";
        }
    }

    private JsonNode get(String path, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url() + path)).timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + key).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new CommandRefusedException(
                        body.path("error").path("message").asText("the server answered " + response.statusCode()));
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + api.url() + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
