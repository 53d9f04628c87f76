package dev.proofdesk.sdk.exception;

import java.util.List;
import java.util.Map;

/** 400 {@code validation_failed} (and other 4xx refusals of the request itself, such as 413). */
public final class InvalidRequestException extends ProofdeskException {
    private final List<Issue> issues;

    /** One problem: where it is ({@code rules.minimumAge}) and what to do about it. */
    public record Issue(String path, String message) {
    }

    public InvalidRequestException(String message, int statusCode, String code, String requestId,
                                   Map<String, Object> details) {
        super(message, statusCode, code, requestId, details, null);
        this.issues = parse(details);
    }

    /** Every problem the server found, so a form can show each next to its field. */
    public List<Issue> issues() {
        return issues;
    }

    private static List<Issue> parse(Map<String, Object> details) {
        if (details == null || !(details.get("issues") instanceof List<?> raw)) {
            return List.of();
        }
        return raw.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .map(m -> new Issue(String.valueOf(m.get("path")), String.valueOf(m.get("message"))))
                .toList();
    }
}
