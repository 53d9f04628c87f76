package dev.proofdesk.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests Jetty refuses before any route sees them (a malformed request line or header, a URI or
 * headers too long) get the same error envelope and {@code X-Request-Id} as every other error,
 * instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
    private final ObjectMapper json;

    JettyErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String reason, Throwable cause,
                                    Callback callback) throws IOException {
        String requestId = RequestIds.newId();
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code(status));
        error.put("message", message(status, reason));
        error.put("details", Map.of());
        error.put("requestId", requestId);
        byte[] body = json.writeValueAsBytes(Map.of("error", error));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Request-Id", requestId);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static String code(int status) {
        return switch (status) {
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "header_fields_too_large";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    private static String message(int status, String reason) {
        return switch (status) {
            case 414 -> "The URL is longer than this server accepts; send long values in a JSON body.";
            case 431 -> "The request's headers are larger than this server accepts.";
            case 413 -> "The request body is larger than this server accepts.";
            default -> status >= 500 ? "Something went wrong on our side."
                    : "The request is not valid HTTP" + (reason == null || reason.isBlank()
                    || reason.equalsIgnoreCase("Bad Request") ? "." : ": " + reason + ".");
        };
    }
}
