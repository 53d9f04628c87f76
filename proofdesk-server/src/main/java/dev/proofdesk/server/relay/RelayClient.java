package dev.proofdesk.server.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofdesk.passport.chip.AccessKey;
import dev.proofdesk.passport.chip.ApduChannel;
import dev.proofdesk.passport.chip.ChipIoException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The reader's side of a chip relay: connects to a session's relay, sends the access key, and
 * passes every APDU the server sends to a card and the card's answer back, until the verdict. The
 * test helper relays the emulated chip of a mock passport through here, into the same terminal a
 * live read uses; a desktop reader can relay a real card the same way.
 */
public final class RelayClient {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private final Supplier<HttpClient> http;
    private final ObjectMapper json;

    public RelayClient(HttpClient http, ObjectMapper json) {
        this(() -> http, json);
    }

    private RelayClient(Supplier<HttpClient> http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /**
     * A client whose JDK HTTP client (and its TLS context) is made on the first relay: the server
     * builds one for the test helper at start, and commands that never relay should not pay for it.
     */
    public static RelayClient onFirstUse(ObjectMapper json) {
        return new RelayClient(new Supplier<>() {
            private volatile HttpClient client;

            @Override
            public HttpClient get() {
                HttpClient made = client;
                if (made == null) {
                    synchronized (this) {
                        made = client;
                        if (made == null) {
                            made = HttpClient.newHttpClient();
                            client = made;
                        }
                    }
                }
                return made;
            }
        }, json);
    }

    /** How a relay ended. */
    public sealed interface Outcome {
        /** The server read the chip and recorded a verdict ({@code valid}, {@code invalid} or {@code error}). */
        record Verdict(String status, JsonNode frame) implements Outcome {
        }

        /** The relay ended without a verdict: the server's error code and message, or the connection's. */
        record Refused(String code, String message) implements Outcome {
            /** The server's error frame code; empty when the handshake or the connection failed instead. */
            public Optional<RelayError> relayError() {
                return RelayError.fromCode(code);
            }
        }
    }

    /**
     * Relays one read.
     *
     * @param chipUrl the session's relay, {@code ws(s)://…/v1/sessions/{id}/chip}
     * @param card where the APDUs go: a reader's card or an emulated chip
     * @param timeout the longest the whole relay may take here
     * @param progress told each progress step the server reports
     */
    public Outcome relay(URI chipUrl, String clientSecret, AccessKey key, ApduChannel card, Duration timeout,
                         Consumer<String> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Frames inbox = new Frames();
        WebSocket socket;
        try {
            socket = http.get().newWebSocketBuilder().connectTimeout(timeout)
                    .header("Authorization", "Bearer " + clientSecret)
                    .buildAsync(chipUrl, inbox).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return refusedHandshake(e.getCause());
        } catch (TimeoutException e) {
            return new Outcome.Refused("connection_failed", "could not connect to " + chipUrl + " within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Refused("connection_failed", "interrupted while connecting");
        }
        try {
            try {
                send(socket, access(key), timeout);
            } catch (ChipIoException refusedAtOnce) {
                // A server that refuses the relay outright (an ended session, another reader) may send
                // its error frame and close before the access frame gets out: that frame says why.
            }
            while (true) {
                long remaining = deadline - System.nanoTime();
                Object next = remaining <= 0 ? null : inbox.messages.poll(remaining, TimeUnit.NANOSECONDS);
                if (next == null) {
                    return new Outcome.Refused("timeout", "the relay did not finish within " + timeout);
                }
                if (next instanceof Closed closed) {
                    return new Outcome.Refused("connection_closed", "the server closed the relay (" + closed.status()
                            + (closed.reason().isEmpty() ? "" : ": " + closed.reason()) + ")");
                }
                JsonNode frame = json.readTree((String) next);
                switch (frame.path("type").asText()) {
                    case "apdu" -> {
                        byte[] response = card.transmit(HEX.parseHex(frame.path("apdu").asText()));
                        send(socket, json.writeValueAsString(json.createObjectNode().put("type", "response")
                                .put("id", frame.path("id").intValue()).put("apdu", HEX.formatHex(response))), timeout);
                    }
                    case "progress" -> progress.accept(frame.path("step").asText());
                    case "result" -> {
                        return new Outcome.Verdict(frame.path("status").asText(), frame);
                    }
                    case "error" -> {
                        return new Outcome.Refused(frame.path("code").asText(), frame.path("message").asText());
                    }
                    default -> {
                        return new Outcome.Refused("invalid_message", "the server sent an unknown frame type");
                    }
                }
            }
        } catch (ChipIoException e) {
            return new Outcome.Refused("card_error", "the card did not answer: " + e.getMessage());
        } catch (JsonProcessingException e) {
            return new Outcome.Refused("invalid_message", "the server sent a frame that is not JSON");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Refused("interrupted", "interrupted while relaying");
        } finally {
            socket.abort();
        }
    }

    private String access(AccessKey key) throws JsonProcessingException {
        ObjectNode frame = json.createObjectNode().put("type", "access");
        switch (key) {
            case AccessKey.Mrz mrz -> frame.put("documentNumber", mrz.documentNumber())
                    .put("dateOfBirth", mrz.dateOfBirth()).put("dateOfExpiry", mrz.dateOfExpiry());
            case AccessKey.Can can -> frame.put("can", can.can());
        }
        return json.writeValueAsString(frame);
    }

    private static void send(WebSocket socket, String text, Duration timeout) throws InterruptedException {
        try {
            socket.sendText(text, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ChipIoException("the relay connection failed while sending", e);
        }
    }

    private Outcome refusedHandshake(Throwable cause) {
        if (cause instanceof WebSocketHandshakeException refused) {
            var response = refused.getResponse();
            String body = response.body() instanceof String s ? s : "";
            try {
                JsonNode error = json.readTree(body).path("error");
                return new Outcome.Refused(error.path("code").asText("http_" + response.statusCode()),
                        error.path("message").asText("the server refused the relay (HTTP " + response.statusCode() + ")"));
            } catch (JsonProcessingException e) {
                return new Outcome.Refused("http_" + response.statusCode(),
                        "the server refused the relay (HTTP " + response.statusCode() + ")");
            }
        }
        return new Outcome.Refused("connection_failed", "could not connect: " + cause.getMessage());
    }

    private record Closed(int status, String reason) {
    }

    /** Whole text messages, in order, then a close; the socket's thread never waits on the card. */
    private static final class Frames implements WebSocket.Listener {
        private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            messages.add(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            messages.add(new Closed(1006, String.valueOf(error.getMessage())));
        }
    }
}
