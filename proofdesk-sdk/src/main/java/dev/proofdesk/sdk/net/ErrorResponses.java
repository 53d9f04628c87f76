package dev.proofdesk.sdk.net;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.sdk.exception.AuthenticationException;
import dev.proofdesk.sdk.exception.ConflictException;
import dev.proofdesk.sdk.exception.EnvironmentMismatchException;
import dev.proofdesk.sdk.exception.InsufficientCreditsException;
import dev.proofdesk.sdk.exception.InvalidRequestException;
import dev.proofdesk.sdk.exception.NotFoundException;
import dev.proofdesk.sdk.exception.PermissionException;
import dev.proofdesk.sdk.exception.ProofdeskException;
import dev.proofdesk.sdk.exception.RateLimitException;
import dev.proofdesk.sdk.exception.ServerErrorException;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;

/** Turns an error response ({@code {"error": {code, message, details, requestId}}}) into the right exception. */
final class ErrorResponses {
    private ErrorResponses() {
    }

    static ProofdeskException toException(ObjectMapper json, int status, String body, HttpHeaders headers) {
        JsonNode error = parse(json, body).path("error");
        String requestId = text(error, "requestId", headers.firstValue("X-Request-Id").orElse(null));
        String code = text(error, "code", null);
        String message = text(error, "message", null);
        if (message == null) {
            message = "HTTP " + status + " without a Proofdesk error body; is the base URL the Proofdesk server "
                    + "(and not a proxy or another service)?";
        }
        Map<String, Object> details = error.has("details")
                ? json.convertValue(error.get("details"), new TypeReference<Map<String, Object>>() { })
                : Map.of();
        return switch (status) {
            case 400, 405, 413, 415, 422 -> new InvalidRequestException(message, status, code, requestId, details);
            case 401 -> new AuthenticationException(message, status, code, requestId, details);
            case 402 -> new InsufficientCreditsException(message, status, code, requestId, details);
            case 403 -> "environment_mismatch".equals(code)
                    ? new EnvironmentMismatchException(message, status, code, requestId, details)
                    : new PermissionException(message, status, code, requestId, details);
            case 404 -> new NotFoundException(message, status, code, requestId, details);
            case 409 -> new ConflictException(message, status, code, requestId, details);
            case 429 -> new RateLimitException(message, status, code, requestId, details, retryAfter(headers));
            default -> status >= 500
                    ? new ServerErrorException(message, status, code, requestId, details)
                    : new ProofdeskException(message, status, code, requestId, details, null);
        };
    }

    /** {@code Retry-After} in seconds; one second when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(headers.firstValue("Retry-After").orElse("1").trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static JsonNode parse(ObjectMapper json, String body) {
        try {
            JsonNode node = body == null || body.isEmpty() ? null : json.readTree(body);
            return node == null ? json.missingNode() : node;
        } catch (Exception e) {
            return json.missingNode();
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : fallback;
    }
}
