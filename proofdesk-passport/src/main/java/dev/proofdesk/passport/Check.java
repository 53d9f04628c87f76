package dev.proofdesk.passport;

import java.util.Objects;

/**
 * One named step of verification.
 *
 * @param code the failure code when the check failed; null when it passed
 */
public record Check(String name, boolean passed, FailureCode code) {
    public Check {
        Objects.requireNonNull(name, "name");
        if (passed != (code == null)) {
            throw new IllegalArgumentException("a check has a code exactly when it failed");
        }
    }

    static Check pass(String name) {
        return new Check(name, true, null);
    }
}
