package dev.proofdesk.passport;

import java.util.Objects;

/**
 * One named step of verification.
 *
 * @param passed false only when the check failed the document
 * @param code the failure code when the check failed; null when it passed
 * @param skipped the check could not run (e.g. no CRL to consult), so it did not fail the document
 *     but vouches for nothing either
 */
public record Check(String name, boolean passed, FailureCode code, boolean skipped) {
    public Check {
        Objects.requireNonNull(name, "name");
        if (passed != (code == null)) {
            throw new IllegalArgumentException("a check has a code exactly when it failed");
        }
        if (skipped && !passed) {
            throw new IllegalArgumentException("a skipped check did not fail");
        }
    }

    public Check(String name, boolean passed, FailureCode code) {
        this(name, passed, code, false);
    }

    static Check pass(String name) {
        return new Check(name, true, null);
    }

    static Check skip(String name) {
        return new Check(name, true, null, true);
    }
}
