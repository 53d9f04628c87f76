package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.store.Ids;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Newest-first pages of a list: {@code ?after=<last id of the previous page>}, one row fetched beyond the page. */
final class Cursor {
    static final int PAGE = 50;

    private Cursor() {
    }

    static String after(Context ctx) {
        String after = ctx.queryParam("after");
        if (after == null || after.isBlank()) {
            return null;
        }
        if (!Ids.isUuid(after)) {
            throw ApiException.validation("after", "must be the id of the last row of the previous page");
        }
        return after;
    }

    /** The page's rows and, if more follow, the cursor of the next page ({@code next}, else null). */
    static <T> Map<String, Object> page(String rows, List<T> fetched, Function<T, String> id) {
        boolean more = fetched.size() > PAGE;
        HashMap<String, Object> params = new HashMap<>();
        params.put(rows, more ? fetched.subList(0, PAGE) : fetched);
        params.put("next", more ? id.apply(fetched.get(PAGE - 1)) : null);
        return params;
    }
}
