package dev.proofdesk.server.flow;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Issue;
import dev.proofdesk.server.flow.FlowDefinition.Disclosures;
import dev.proofdesk.server.flow.FlowDefinition.Rules;
import dev.proofdesk.server.flow.FlowDefinition.Settings;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Turns client input into a complete definition, collecting every problem with its path. */
public final class FlowValidator {
    public static final Set<String> PRODUCTS = Set.of("age_verification", "pre_kyc", "proof_of_human");
    public static final Set<String> DOCUMENT_TYPES = Set.of("passport", "id_card");
    public static final int MAX_COUNTRIES = 40;

    static final FlowDefinition DEFAULTS = new FlowDefinition(null, null,
            new Rules(null, List.of(), List.of(), true, true, true),
            List.of("passport"),
            Disclosures.NONE,
            new Settings(3600, null, null, false));

    private FlowValidator() {
    }

    /** Applies {@code input} on top of {@code base} (defaults on create, the current version on update). */
    public static FlowDefinition merge(FlowDefinition base, FlowInput input) {
        List<Issue> issues = new ArrayList<>();
        String name = input.name() != null ? input.name().strip() : base.name();
        if (name == null || name.isEmpty() || name.length() > 200) {
            issues.add(new Issue("name", name == null ? "is required" : "must be 1 to 200 characters"));
        }
        String product = input.product() != null ? input.product() : base.product();
        if (product == null) {
            issues.add(new Issue("product", "is required: one of " + sorted(PRODUCTS)));
        } else if (!PRODUCTS.contains(product)) {
            issues.add(new Issue("product", "'" + product + "' is not a product; use one of " + sorted(PRODUCTS)));
        }
        Rules rules = rules(base.rules(), input.rules(), issues);
        List<String> documents = input.documents() != null ? input.documents() : base.documents();
        checkDocuments(documents, issues);
        Disclosures disclosures = disclosures(base.disclosures(), input.disclosures());
        Settings settings = settings(base.settings(), input.settings(), issues);
        if (!issues.isEmpty()) {
            throw ApiException.validation(issues);
        }
        return new FlowDefinition(name, product, rules, documents, disclosures, settings);
    }

    private static Rules rules(Rules base, FlowInput.RulesInput in, List<Issue> issues) {
        if (in == null) {
            return base;
        }
        Integer age = in.minimumAge() != null ? in.minimumAge() : base.minimumAge();
        if (age != null && (age < 0 || age > 120)) {
            issues.add(new Issue("rules.minimumAge", "must be from 0 to 120 (got " + age + ")"));
        }
        List<String> included = in.includedCountries() != null ? in.includedCountries() : base.includedCountries();
        List<String> excluded = in.excludedCountries() != null ? in.excludedCountries() : base.excludedCountries();
        checkCountries("rules.includedCountries", included, issues);
        checkCountries("rules.excludedCountries", excluded, issues);
        if (!included.isEmpty() && !excluded.isEmpty()) {
            issues.add(new Issue("rules", "set either includedCountries or excludedCountries, not both"));
        }
        return new Rules(age, nonNull(included), nonNull(excluded),
                in.ofac() != null ? in.ofac() : base.ofac(),
                in.rejectExpiredDocuments() != null ? in.rejectExpiredDocuments() : base.rejectExpiredDocuments(),
                or(in.requireChipAuthentication(), base.requireChipAuthentication()));
    }

    private static void checkCountries(String path, List<String> codes, List<Issue> issues) {
        if (codes.size() > MAX_COUNTRIES) {
            issues.add(new Issue(path, "at most " + MAX_COUNTRIES + " countries (got " + codes.size() + ")"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String at = path + "[" + i + "]";
            Countries.problem(code).ifPresent(problem -> issues.add(new Issue(at, problem)));
            if (code != null && !seen.add(code)) {
                issues.add(new Issue(at, "'" + code + "' is listed twice"));
            }
        }
    }

    private static void checkDocuments(List<String> documents, List<Issue> issues) {
        if (documents.isEmpty()) {
            issues.add(new Issue("documents", "accept at least one document type: " + sorted(DOCUMENT_TYPES)));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            String type = documents.get(i);
            if (type == null || !DOCUMENT_TYPES.contains(type)) {
                issues.add(new Issue("documents[" + i + "]", "'" + type + "' is not a document type; use "
                        + sorted(DOCUMENT_TYPES)));
            } else if (!seen.add(type)) {
                issues.add(new Issue("documents[" + i + "]", "'" + type + "' is listed twice"));
            }
        }
    }

    private static Disclosures disclosures(Disclosures base, FlowInput.DisclosuresInput in) {
        if (in == null) {
            return base;
        }
        return new Disclosures(
                or(in.nationality(), base.nationality()),
                or(in.dateOfBirth(), base.dateOfBirth()),
                or(in.fullName(), base.fullName()),
                or(in.documentNumber(), base.documentNumber()),
                or(in.gender(), base.gender()),
                or(in.expirationDate(), base.expirationDate()),
                or(in.issuingState(), base.issuingState()));
    }

    private static Settings settings(Settings base, FlowInput.SettingsInput in, List<Issue> issues) {
        if (in == null) {
            return base;
        }
        int ttl = in.sessionTtlSeconds() != null ? in.sessionTtlSeconds() : base.sessionTtlSeconds();
        if (ttl < 60 || ttl > 86_400) {
            issues.add(new Issue("settings.sessionTtlSeconds", "must be from 60 to 86400 seconds (got " + ttl + ")"));
        }
        String success = in.successUrl() != null ? in.successUrl() : base.successUrl();
        String failure = in.failureUrl() != null ? in.failureUrl() : base.failureUrl();
        checkUrl("settings.successUrl", success, issues);
        checkUrl("settings.failureUrl", failure, issues);
        return new Settings(ttl, emptyToNull(success), emptyToNull(failure),
                or(in.oneVerificationPerDocument(), base.oneVerificationPerDocument()));
    }

    /** Redirect targets: absolute http(s) URLs, so a flow cannot send people to {@code javascript:}. */
    public static void checkUrl(String path, String url, List<Issue> issues) {
        if (url == null || url.isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || url.length() > 2048) {
                throw new IllegalArgumentException();
            }
        } catch (Exception e) {
            issues.add(new Issue(path, "must be an absolute http(s) URL of at most 2048 characters"));
        }
    }

    private static boolean or(Boolean value, boolean fallback) {
        return value != null ? value : fallback;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static List<String> nonNull(List<String> list) {
        return list.stream().map(s -> Objects.requireNonNullElse(s, "")).toList();
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().toList().toString();
    }
}
