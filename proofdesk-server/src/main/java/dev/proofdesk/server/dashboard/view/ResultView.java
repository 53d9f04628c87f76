package dev.proofdesk.server.dashboard.view;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's result as pages show it: every check with its code, the disclosed attributes, and how
 * the chip proved itself ({@code chip_authentication}, {@code active_authentication}, {@code none}; null
 * for results recorded before it was).
 */
public record ResultView(List<Check> checks, Map<String, String> attributes, String nullifier, String error,
                         String chipAuthentication) {

    /** {@code skipped}: the check could not run, so it neither failed nor vouched for anything. */
    public record Check(String name, boolean passed, String code, boolean skipped) {
        public String outcome() {
            return !passed ? "failed" : skipped ? "skipped" : "passed";
        }
    }

    public static ResultView of(JsonNode result) {
        if (result == null || result.isNull()) {
            return new ResultView(List.of(), Map.of(), null, null, null);
        }
        List<Check> checks = new ArrayList<>();
        for (JsonNode check : result.path("checks")) {
            checks.add(new Check(check.path("name").asText(), check.path("passed").asBoolean(),
                    check.path("code").isNull() ? null : check.path("code").asText(null),
                    check.path("skipped").asBoolean(false)));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        result.path("attributes").properties().forEach(e -> attributes.put(e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return new ResultView(checks, attributes, result.path("nullifier").asText(null),
                result.path("error").asText(null), result.path("chipAuthentication").asText(null));
    }

    public List<Check> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
