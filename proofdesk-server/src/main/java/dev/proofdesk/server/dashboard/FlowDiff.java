package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.dashboard.view.DiffRow;
import dev.proofdesk.server.flow.FlowDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field-by-field comparison of two flow definitions, for "copy to live" and publishing in live. */
final class FlowDiff {
    private FlowDiff() {
    }

    /** Every field, changed or not; {@code before} may be null (a flow that does not exist yet). */
    static List<DiffRow> of(FlowDefinition before, FlowDefinition after) {
        Map<String, String> old = before == null ? Map.of() : flatten(before);
        List<DiffRow> rows = new ArrayList<>();
        flatten(after).forEach((field, value) -> rows.add(new DiffRow(field, old.get(field), value)));
        return rows;
    }

    static boolean anyChange(List<DiffRow> rows) {
        return rows.stream().anyMatch(DiffRow::changed);
    }

    private static Map<String, String> flatten(FlowDefinition def) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", def.name());
        m.put("product", def.product());
        var r = def.rules();
        m.put("rules.minimumAge", r.minimumAge() == null ? "none" : r.minimumAge().toString());
        m.put("rules.includedCountries", r.includedCountries().isEmpty() ? "any" : String.join(", ", r.includedCountries()));
        m.put("rules.excludedCountries", r.excludedCountries().isEmpty() ? "none" : String.join(", ", r.excludedCountries()));
        m.put("rules.ofac", yes(r.ofac()));
        m.put("rules.rejectExpiredDocuments", yes(r.rejectExpiredDocuments()));
        m.put("rules.requireChipAuthentication", yes(r.requireChipAuthentication()));
        m.put("documents", String.join(", ", def.documents()));
        boolean[] shown = FlowForm.shown(def.disclosures());
        for (int i = 0; i < shown.length; i++) {
            m.put("disclosures." + FlowForm.DISCLOSURES.get(i), yes(shown[i]));
        }
        var s = def.settings();
        m.put("settings.sessionTtlSeconds", Integer.toString(s.sessionTtlSeconds()));
        m.put("settings.successUrl", s.successUrl() == null ? "none" : s.successUrl());
        m.put("settings.failureUrl", s.failureUrl() == null ? "none" : s.failureUrl());
        m.put("settings.oneVerificationPerDocument", yes(s.oneVerificationPerDocument()));
        return m;
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }
}
