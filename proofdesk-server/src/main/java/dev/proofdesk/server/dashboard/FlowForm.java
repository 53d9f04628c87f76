package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.dashboard.view.FormState;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Issue;
import dev.proofdesk.server.flow.FlowDefinition;
import dev.proofdesk.server.flow.FlowInput;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The flow editor's fields, named after the API's issue paths ({@code rules.minimumAge}, …) so the
 * validator's messages land next to the field they concern. The form always carries the whole
 * definition, so a blank field means "none" rather than "unchanged".
 */
final class FlowForm {
    static final List<String> DISCLOSURES = List.of("nationality", "dateOfBirth", "fullName", "documentNumber",
            "gender", "expirationDate", "issuingState");
    static final List<String> DOCUMENTS = List.of("passport", "id_card");

    private FlowForm() {
    }

    static FormState defaults() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("product", "age_verification");
        v.put("rules.ofac", "on");
        v.put("rules.rejectExpiredDocuments", "on");
        v.put("rules.requireChipAuthentication", "on");
        v.put("documents.passport", "on");
        v.put("settings.sessionTtlSeconds", "3600");
        return FormState.of(v);
    }

    static FormState of(FlowDefinition def) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", def.name());
        v.put("product", def.product());
        v.put("rules.minimumAge", def.rules().minimumAge() == null ? "" : def.rules().minimumAge().toString());
        v.put("rules.includedCountries", String.join(", ", def.rules().includedCountries()));
        v.put("rules.excludedCountries", String.join(", ", def.rules().excludedCountries()));
        flag(v, "rules.ofac", def.rules().ofac());
        flag(v, "rules.rejectExpiredDocuments", def.rules().rejectExpiredDocuments());
        flag(v, "rules.requireChipAuthentication", def.rules().requireChipAuthentication());
        for (String doc : def.documents()) {
            v.put("documents." + doc, "on");
        }
        boolean[] shown = shown(def.disclosures());
        for (int i = 0; i < shown.length; i++) {
            flag(v, "disclosures." + DISCLOSURES.get(i), shown[i]);
        }
        v.put("settings.sessionTtlSeconds", Integer.toString(def.settings().sessionTtlSeconds()));
        v.put("settings.successUrl", def.settings().successUrl() == null ? "" : def.settings().successUrl());
        v.put("settings.failureUrl", def.settings().failureUrl() == null ? "" : def.settings().failureUrl());
        flag(v, "settings.oneVerificationPerDocument", def.settings().oneVerificationPerDocument());
        return FormState.of(v);
    }

    /** The disclosure switches in the order of {@link #DISCLOSURES}. */
    static boolean[] shown(FlowDefinition.Disclosures d) {
        return new boolean[]{d.nationality(), d.dateOfBirth(), d.fullName(), d.documentNumber(), d.gender(),
                d.expirationDate(), d.issuingState()};
    }

    private static void flag(Map<String, String> values, String field, boolean on) {
        if (on) {
            values.put(field, "on");
        }
    }

    /** The submitted form as it was typed, to show again with messages. */
    static FormState submitted(Context ctx) {
        Map<String, String> v = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> v.put(name, values.isEmpty() ? "" : values.getFirst()));
        return FormState.of(v);
    }

    /** The whole definition from the form; problems the form itself can see are thrown as one validation error. */
    static FlowInput parse(FormState form) {
        List<Issue> issues = new ArrayList<>();
        Integer minimumAge = null;
        String age = form.value("rules.minimumAge").strip();
        if (!age.isEmpty()) {
            try {
                minimumAge = Integer.parseInt(age);
            } catch (NumberFormatException e) {
                issues.add(new Issue("rules.minimumAge", "must be a whole number of years"));
            }
        }
        Integer ttl = null;
        try {
            ttl = Integer.parseInt(form.value("settings.sessionTtlSeconds").strip());
        } catch (NumberFormatException e) {
            issues.add(new Issue("settings.sessionTtlSeconds",
                    "must be a whole number of seconds, e.g. 3600"));
        }
        if (!issues.isEmpty()) {
            throw ApiException.validation(issues);
        }
        List<String> documents = DOCUMENTS.stream().filter(doc -> form.checked("documents." + doc)).toList();
        return new FlowInput(form.value("name"), form.value("product"),
                new FlowInput.RulesInput(minimumAge, countries(form.value("rules.includedCountries")),
                        countries(form.value("rules.excludedCountries")), form.checked("rules.ofac"),
                        form.checked("rules.rejectExpiredDocuments"), form.checked("rules.requireChipAuthentication")),
                documents,
                new FlowInput.DisclosuresInput(
                        disclosed(form, 0), disclosed(form, 1), disclosed(form, 2), disclosed(form, 3),
                        disclosed(form, 4), disclosed(form, 5), disclosed(form, 6)),
                new FlowInput.SettingsInput(ttl, form.value("settings.successUrl").strip(),
                        form.value("settings.failureUrl").strip(),
                        form.checked("settings.oneVerificationPerDocument")));
    }

    private static boolean disclosed(FormState form, int index) {
        return form.checked("disclosures." + DISCLOSURES.get(index));
    }

    /** "GBR, fra irl" → [GBR, FRA, IRL]: commas or spaces, any case. */
    private static List<String> countries(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    /** A validation refusal as (field, message) pairs for {@link FormState#withIssues}. */
    @SuppressWarnings("unchecked")
    static List<Map.Entry<String, String>> issues(ApiException e) {
        Object raw = e.details().get("issues");
        if (!(raw instanceof List<?> list)) {
            return List.of(Map.entry("form", e.getMessage()));
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Object item : list) {
            Map<String, Object> issue = (Map<String, Object>) item;
            out.add(Map.entry(String.valueOf(issue.get("path")), String.valueOf(issue.get("message"))));
        }
        return out;
    }
}
