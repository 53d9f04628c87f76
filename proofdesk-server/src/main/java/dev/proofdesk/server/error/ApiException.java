package dev.proofdesk.server.error;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A refusal that reaches the caller as the API error envelope. Services throw it; one handler at
 * the HTTP edge renders it, so no handler builds error JSON itself.
 */
public sealed class ApiException extends RuntimeException permits NotFoundException {
    private final int status;
    private final String code;
    private final Map<String, Object> details;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message, Map<String, Object> details,
                        Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : Map.copyOf(details);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of(), Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException validation(List<Issue> issues) {
        String summary = issues.size() == 1
                ? issues.getFirst().path() + ": " + issues.getFirst().message()
                : issues.size() + " problems with the request; see details.issues";
        return new ApiException(400, "validation_failed", summary,
                Map.of("issues", issues.stream().map(i -> Map.of("path", i.path(), "message", i.message())).toList()),
                Map.of());
    }

    public static ApiException validation(String path, String message) {
        return validation(List.of(new Issue(path, message)));
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(401, "unauthenticated", message);
    }

    public static ApiException insufficientCredits(long balance, long required) {
        return new ApiException(402, "insufficient_credits", "This live session costs " + required
                + " credits, but the balance is " + balance + ". Ask the operator to grant credits "
                + "(proofdesk credits grant), or use a test key, which is never billed.",
                Map.of("balance", balance, "required", required), Map.of());
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public static ApiException testModeOnly(String what) {
        return new ApiException(403, "test_mode_only", what + " is only available with a test key (sk_test_…).");
    }

    public static ApiException environmentMismatch(Resource kind, String id, boolean existsInLive) {
        String there = existsInLive ? "live" : "test";
        String used = existsInLive ? "test" : "live";
        return new ApiException(403, "environment_mismatch", kind.label() + " " + id + ": this "
                + kind.label().toLowerCase(Locale.ROOT)
                + " exists in " + there + " mode, but a " + used + " key was used.",
                Map.of("livemode", existsInLive), Map.of());
    }

    /** Nothing of this kind and id in the caller's environment; the HTTP edge may say it is in the other one. */
    public static NotFoundException notFound(Resource kind, String id) {
        return new NotFoundException(kind, id);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    public static ApiException payloadTooLarge(long limit) {
        return new ApiException(413, "payload_too_large",
                "The request body is larger than " + limit + " bytes.", Map.of("limit", limit), Map.of());
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, "unsupported_media_type", message);
    }

    public static ApiException rateLimited(long retryAfterSeconds) {
        return new ApiException(429, "rate_limited",
                "Too many requests for this key; retry after " + retryAfterSeconds + " s.",
                Map.of("retryAfterSeconds", retryAfterSeconds),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
