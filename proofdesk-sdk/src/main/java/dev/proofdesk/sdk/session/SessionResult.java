package dev.proofdesk.sdk.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a completed session.
 *
 * @param checks every check that ran, in order; failed ones carry a code such as {@code age_below_minimum}
 * @param attributes only the attributes the flow discloses, e.g. {@code nationality}
 * @param nullifier a stable pseudonym of the document within the account, to refuse duplicate sign-ups
 * @param warnings conditions that did not fail the document
 * @param chipAuthentication how the chip proved it is genuine; null in results recorded before servers
 *     reported it
 */
public record SessionResult(List<Check> checks, Map<String, Object> attributes, String nullifier,
                            List<String> warnings, ChipAuthentication chipAuthentication) {

    public SessionResult {
        checks = checks == null ? List.of() : List.copyOf(checks);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * One named check; {@code code} is null unless it failed. {@code skipped} is true when the check
     * could not run (e.g. {@code document_signer_revocation} without a CRL to consult): it did not
     * fail the document ({@code passed} stays true) but vouches for nothing.
     */
    public record Check(String name, boolean passed, String code, boolean skipped) {
        public Check(String name, boolean passed, String code) {
            this(name, passed, code, false);
        }
    }

    /** The checks that could not run. */
    public List<Check> skipped() {
        return checks.stream().filter(Check::skipped).toList();
    }

    /** The checks that failed, each with its code. */
    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** A disclosed attribute as text, e.g. {@code attribute("nationality")}. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name)).map(String::valueOf);
    }
}
