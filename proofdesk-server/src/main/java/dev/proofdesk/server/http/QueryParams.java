package dev.proofdesk.server.http;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Issue;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters an endpoint takes. Any other is a 400 naming it, as is one given twice or
 * one whose value no store can hold: a misspelt filter must not quietly return everything.
 */
public final class QueryParams {
    public static final QueryParams NONE = new QueryParams(Set.of());

    private final Set<String> names;

    private QueryParams(Set<String> names) {
        this.names = names;
    }

    public static QueryParams of(String... names) {
        return new QueryParams(new LinkedHashSet<>(Arrays.asList(names)));
    }

    public QueryParams and(String... more) {
        Set<String> all = new LinkedHashSet<>(names);
        all.addAll(Arrays.asList(more));
        return new QueryParams(all);
    }

    void check(Context ctx) {
        Map<String, List<String>> given;
        try {
            given = ctx.queryParamMap();
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("query", "is not a valid query string (bad %-encoding?)");
        }
        List<Issue> issues = new ArrayList<>();
        given.forEach((name, values) -> {
            if (!names.contains(name)) {
                issues.add(new Issue(name.isEmpty() ? "query" : name, "is not a query parameter of this endpoint"
                        + (names.isEmpty() ? ", which takes none" : "; it takes " + String.join(", ", names))));
            } else if (values.isEmpty()) {
                issues.add(new Issue(name, "has a value that is not valid %-encoding (e.g. %2F for '/')"));
            } else if (values.size() > 1) {
                issues.add(new Issue(name, "is given " + values.size() + " times; give it once"));
            } else {
                Text.problem(values.getFirst()).ifPresent(problem -> issues.add(new Issue(name, problem)));
            }
        });
        if (!issues.isEmpty()) {
            throw ApiException.validation(issues);
        }
    }
}
