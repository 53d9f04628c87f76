package dev.proofdesk.server.dashboard.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A form's values and the problems found with them, keyed by field name (the API's issue paths). */
public record FormState(Map<String, String> values, Map<String, List<String>> errors, List<String> summary) {

    public static FormState empty() {
        return new FormState(Map.of(), Map.of(), List.of());
    }

    public static FormState of(Map<String, String> values) {
        return new FormState(values, Map.of(), List.of());
    }

    /** Attaches problems ({@code path: message}); a path like {@code documents[1]} belongs to the field {@code documents}. */
    public FormState withIssues(List<Map.Entry<String, String>> issues) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (var issue : issues) {
            String field = issue.getKey().replaceAll("\\[\\d+]$", "");
            byField.computeIfAbsent(field, f -> new ArrayList<>()).add(issue.getValue());
            all.add(issue.getKey() + ": " + issue.getValue());
        }
        return new FormState(values, byField, all);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean checked(String field) {
        return "on".equals(values.get(field)) || "true".equals(values.get(field));
    }

    public boolean selected(String field, String option) {
        return option.equals(values.get(field));
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        List<String> messages = errors.get(field);
        return messages == null ? null : String.join("; ", messages);
    }

    public boolean hasErrors() {
        return !summary.isEmpty();
    }
}
