package dev.proofdesk.passport;

import java.util.List;
import java.util.Objects;

/** The decision: every check passed, some failed, or the submission could not be read. */
public sealed interface Outcome {

    record Valid() implements Outcome {
    }

    record Invalid(List<Failure> failures) implements Outcome {
        public Invalid {
            failures = List.copyOf(failures);
            if (failures.isEmpty()) {
                throw new IllegalArgumentException("an invalid outcome names at least one failure");
            }
        }
    }

    /** @param reason what could not be read; always reported with code {@code document_malformed} */
    record Error(String reason) implements Outcome {
        public Error {
            Objects.requireNonNull(reason, "reason");
        }

        public FailureCode code() {
            return FailureCode.DOCUMENT_MALFORMED;
        }
    }
}
