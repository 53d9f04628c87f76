package dev.proofdesk.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw chip-relay client for tests: sends whatever frames a test chooses, well-formed or not, and
 * hands back every frame and the close, as a misbehaving or a careful reader would see them.
 */
public final class RelayProbe implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** Long enough for any server-side timeout the tests configure; a frame that takes longer is a failure. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A refused upgrade: the HTTP status and the error envelope. */
    public record Refused(int status, JsonNode body) {
        public String code() {
            return body.path("error").path("code").asText(null);
        }
    }

    /** The server closed the socket. */
    public record Closed(int status, String reason) {
    }

    private final WebSocket socket;
    private final BlockingQueue<Object> inbox;

    private RelayProbe(WebSocket socket, BlockingQueue<Object> inbox) {
        this.socket = socket;
        this.inbox = inbox;
    }

    public static URI chipUrl(String baseUrl, String sessionId) {
        return URI.create(baseUrl.replaceFirst("^http", "ws") + "/v1/sessions/" + sessionId + "/chip");
    }

    /** Connects with {@code Authorization: Bearer secret}; fails the test if the upgrade is refused. */
    public static RelayProbe open(String baseUrl, String sessionId, String secret) {
        Object result = connect(baseUrl, sessionId, Map.of("Authorization", "Bearer " + secret), List.of());
        if (result instanceof Refused refused) {
            throw new AssertionError("relay refused: " + refused);
        }
        return (RelayProbe) result;
    }

    /** Connects with these headers and offered subprotocols: a {@link RelayProbe}, or the {@link Refused} upgrade. */
    public static Object connect(String baseUrl, String sessionId, Map<String, String> headers, List<String> subprotocols) {
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.getFirst(), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        try {
            WebSocket socket = builder.buildAsync(chipUrl(baseUrl, sessionId), new Listener(inbox))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return new RelayProbe(socket, inbox);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                Object body = refused.getResponse().body();
                return new Refused(refused.getResponse().statusCode(), parse(body instanceof String s ? s : ""));
            }
            throw new AssertionError("could not connect to the relay", e.getCause());
        } catch (Exception e) {
            throw new AssertionError("could not connect to the relay", e);
        }
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public RelayProbe send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    public RelayProbe send(Map<String, Object> frame) {
        try {
            return send(JSON.writeValueAsString(frame));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RelayProbe sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
        return this;
    }

    /** The next frame from the server; fails the test if the socket closes first. */
    public JsonNode next() {
        Object item = take();
        if (item instanceof Closed closed) {
            throw new AssertionError("the relay closed (" + closed + ") before sending another frame");
        }
        return parse((String) item);
    }

    /** Skips progress frames and returns the next other one. */
    public JsonNode nextNotProgress() {
        JsonNode frame = next();
        while (frame.path("type").asText().equals("progress")) {
            frame = next();
        }
        return frame;
    }

    /** Waits for the server to close the socket, skipping frames; returns how it closed. */
    public Closed awaitClose() {
        Object item = take();
        while (!(item instanceof Closed)) {
            item = take();
        }
        return (Closed) item;
    }

    /** Drops the connection the way a phone moved away from the reader does: no close handshake. */
    public void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private Object take() {
        try {
            Object item = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw new AssertionError("no frame from the relay within " + WAIT);
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final BlockingQueue<Object> inbox;
        private final StringBuilder partial = new StringBuilder();

        Listener(BlockingQueue<Object> inbox) {
            this.inbox = inbox;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            inbox.add(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            inbox.add(new Closed(1006, String.valueOf(error.getMessage())));
        }
    }
}
