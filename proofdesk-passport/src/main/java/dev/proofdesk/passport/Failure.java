package dev.proofdesk.passport;

import java.util.Objects;

/**
 * Why one check failed.
 *
 * @param detail for logs and support; may name data groups or certificates, never personal data
 */
public record Failure(String check, FailureCode code, String detail) {
    public Failure {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }
}
