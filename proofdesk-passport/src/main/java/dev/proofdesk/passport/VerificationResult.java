package dev.proofdesk.passport;

import dev.proofdesk.passport.chip.ChipAuthMethod;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one verification produced.
 *
 * @param checks every check that ran, in pipeline order
 * @param warnings conditions that did not fail the document (e.g. no CRL for its issuer)
 * @param document the parsed DG1; empty only when the outcome is an error
 * @param mockIssuer the document chains to a trusted anchor flagged as mock (test environment)
 * @param chipAuthentication how the chip proved it is genuine; {@code NONE} when it did not
 */
public record VerificationResult(Outcome outcome, List<Check> checks, List<String> warnings,
                                 Optional<Document> document, boolean mockIssuer, ChipAuthMethod chipAuthentication) {
    public VerificationResult {
        Objects.requireNonNull(outcome, "outcome");
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(chipAuthentication, "chipAuthentication");
        if (!(outcome instanceof Outcome.Error) && document.isEmpty()) {
            throw new IllegalArgumentException("a decided outcome always has the parsed document");
        }
    }

    public boolean valid() {
        return outcome instanceof Outcome.Valid;
    }

    /** The nullifier input of {@link Document#nullifierInput()}, when the document was read. */
    public Optional<String> nullifierInput() {
        return document.map(Document::nullifierInput);
    }
}
