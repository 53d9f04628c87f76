package dev.proofdesk.server.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a session keeps of its verification, as the API, events and pages show it: every check with
 * its code, only the attributes the flow discloses, the document's nullifier, how the chip proved
 * itself ({@code chip_authentication}, {@code active_authentication}, {@code none}; absent for results
 * recorded before it was, and for an interrupted submission), warnings, and for an error its code and
 * message. Built once by the verifier, extended with {@link #withCheck}, stored as its JSON.
 */
@JsonPropertyOrder({"checks", "attributes", "nullifier", "chipAuthentication", "warnings", "error", "errorMessage"})
public record SessionResult(
        List<Check> checks,
        Map<String, String> attributes,
        String nullifier,
        @JsonInclude(JsonInclude.Include.NON_NULL) String chipAuthentication,
        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error,
        @JsonInclude(JsonInclude.Include.NON_NULL) String errorMessage) {

    /** The result of a session without one yet, for views. */
    public static final SessionResult NONE = new SessionResult(List.of(), Map.of(), null, null, List.of(), null, null);

    public SessionResult {
        checks = List.copyOf(checks);
        // Disclosed values may be absent from the document (null), and their order is the JSON's.
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        warnings = List.copyOf(warnings);
    }

    /**
     * One named check. {@code skipped}: the check could not run, so it neither failed nor vouched for
     * anything ({@code passed} stays true).
     */
    @JsonPropertyOrder({"name", "passed", "code", "skipped"})
    public record Check(String name, boolean passed, String code, boolean skipped) {
        public Check {
            Objects.requireNonNull(name, "name");
        }

        /** {@code failed}, {@code skipped} or {@code passed}, as pages label it. */
        public String outcome() {
            return !passed ? "failed" : skipped ? "skipped" : "passed";
        }
    }

    /** A submission a crash interrupted: no checks ran, nothing was disclosed. */
    static SessionResult interrupted() {
        return new SessionResult(List.of(), Map.of(), null, null, List.of(), "processing_interrupted", null);
    }

    /** This result with one more check after the others. */
    public SessionResult withCheck(Check check) {
        List<Check> more = new ArrayList<>(checks);
        more.add(check);
        return new SessionResult(more, attributes, nullifier, chipAuthentication, warnings, error, errorMessage);
    }

    public List<Check> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /**
     * A stored result. Read leniently, field by field: results recorded by earlier versions lack
     * fields added since ({@code skipped}, {@code chipAuthentication}).
     */
    public static SessionResult read(JsonNode node) {
        List<Check> checks = new ArrayList<>();
        for (JsonNode check : node.path("checks")) {
            checks.add(new Check(check.path("name").asText(), check.path("passed").asBoolean(),
                    text(check.path("code")), check.path("skipped").asBoolean(false)));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        node.path("attributes").properties().forEach(e -> attributes.put(e.getKey(), text(e.getValue())));
        List<String> warnings = new ArrayList<>();
        node.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new SessionResult(checks, attributes, text(node.path("nullifier")),
                text(node.path("chipAuthentication")), warnings, text(node.path("error")),
                text(node.path("errorMessage")));
    }

    private static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
