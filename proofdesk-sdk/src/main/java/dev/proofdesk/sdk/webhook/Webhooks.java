package dev.proofdesk.sdk.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies and signs Proofdesk webhooks (Standard Webhooks: {@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>}).
 */
public final class Webhooks {
    /** How far the timestamp may be from now, either way, before the request counts as a replay. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Webhooks() {
    }

    /** Verifies the request and returns its event; throws {@link WebhookVerificationException} otherwise. */
    public static WebhookEvent constructEvent(String rawBody, Map<String, ?> headers, String secret) {
        return constructEvent(rawBody, headers, secret, Clock.systemUTC());
    }

    public static WebhookEvent constructEvent(String rawBody, Map<String, ?> headers, String secret, Clock clock) {
        WebhookSecret key = WebhookSecret.parse(secret);
        String id = header(headers, "webhook-id");
        String timestamp = header(headers, "webhook-timestamp");
        String signatures = header(headers, "webhook-signature");
        if (rawBody == null) {
            throw new WebhookVerificationException("No request body; pass the raw body exactly as received.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("The webhook-timestamp header is not a number of seconds: '"
                    + timestamp + "'.");
        }
        long skew = clock.instant().getEpochSecond() - seconds;
        if (Math.abs(skew) > TOLERANCE.toSeconds()) {
            throw new WebhookVerificationException("The webhook-timestamp is " + Math.abs(skew) + " s "
                    + (skew > 0 ? "old" : "in the future") + "; at most " + TOLERANCE.toSeconds()
                    + " s is accepted. A replayed request, or check this machine's clock.");
        }
        byte[] expected = hmac(key.key(), id + "." + seconds + "." + rawBody);
        if (!anyMatches(signatures, expected)) {
            throw new WebhookVerificationException("No signature matches this secret. Check that the secret is "
                    + "this endpoint's (after a rotation use the new one) and that the body is passed unmodified.");
        }
        WebhookEvent event = parse(rawBody);
        if (!id.equals(event.id())) {
            throw new WebhookVerificationException("The webhook-id header (" + id + ") is not the event's id ("
                    + event.id() + ").");
        }
        if (event.livemode() != key.livemode()) {
            throw new WebhookVerificationException("This is a " + (event.livemode() ? "live" : "test")
                    + " event but the secret is a " + (key.livemode() ? "live" : "test") + " secret ("
                    + key + "): a " + (event.livemode() ? "live" : "test") + " event must never reach a "
                    + (key.livemode() ? "live" : "test") + " handler. Check which endpoint points here.");
        }
        return event;
    }

    /** The three headers for {@code body}, signed with every given secret (several during a rotation). */
    public static Map<String, String> signatureHeaders(String id, Instant timestamp, String body, String... secrets) {
        if (secrets.length == 0) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        List<byte[]> keys = java.util.Arrays.stream(secrets).map(s -> WebhookSecret.parse(s).key()).toList();
        return signatureHeaders(id, timestamp.getEpochSecond(), body, keys);
    }

    /** As above with raw HMAC keys; used by the server, which holds keys rather than secret strings. */
    public static Map<String, String> signatureHeaders(String id, long epochSeconds, String body, List<byte[]> keys) {
        String content = id + "." + epochSeconds + "." + body;
        StringBuilder signature = new StringBuilder();
        for (byte[] key : keys) {
            if (!signature.isEmpty()) {
                signature.append(' ');
            }
            signature.append("v1,").append(Base64.getEncoder().encodeToString(hmac(key, content)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(epochSeconds));
        headers.put("webhook-signature", signature.toString());
        return headers;
    }

    private static boolean anyMatches(String header, byte[] expected) {
        boolean matched = false;
        for (String part : header.trim().split(" +")) {
            int comma = part.indexOf(',');
            if (comma < 0 || !part.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(part.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            // every candidate is compared, in constant time, so timing reveals nothing about which matched
            matched |= MessageDigest.isEqual(given, expected);
        }
        return matched;
    }

    private static WebhookEvent parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject() || !node.path("id").isTextual() || !node.path("type").isTextual()
                    || !node.path("livemode").isBoolean() || !node.has("data")) {
                throw new WebhookVerificationException("The body is not a Proofdesk event "
                        + "({id, type, createdAt, livemode, data}).");
            }
            Instant created = node.hasNonNull("createdAt") ? Instant.parse(node.get("createdAt").asText()) : null;
            return new WebhookEvent(node.get("id").asText(), node.get("type").asText(), created,
                    node.get("livemode").asBoolean(), node.get("data"));
        } catch (IOException | DateTimeParseException e) {
            throw new WebhookVerificationException("The body is not valid event JSON: " + e.getMessage(), e);
        }
    }

    private static String header(Map<String, ?> headers, String name) {
        for (Map.Entry<String, ?> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                Object value = entry.getValue();
                if (value instanceof Collection<?> values) {
                    value = values.isEmpty() ? null : values.iterator().next();
                }
                if (value != null && !value.toString().isBlank()) {
                    return value.toString();
                }
            }
        }
        throw new WebhookVerificationException("Missing the " + name + " header; is this a Proofdesk webhook, "
                + "and does your framework pass all request headers?");
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
