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

    /** One named check; {@code code} is null when it passed. */
    public record Check(String name, boolean passed, String code) {
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
