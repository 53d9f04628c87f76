package dev.proofdesk.sdk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Paging of a list: at most {@code limit} objects (1 to 100, server default 10), newest first,
 * starting after the object with id {@code startingAfter}. Both may be null.
 */
public record ListParams(Integer limit, String startingAfter) {
    public static final ListParams DEFAULT = new ListParams(null, null);

    public ListParams {
        if (limit != null && (limit < 1 || limit > 100)) {
            throw new IllegalArgumentException("limit must be from 1 to 100 (got " + limit + ")");
        }
    }

    public static ListParams limit(int limit) {
        return new ListParams(limit, null);
    }

    /** The query parameters these options stand for. */
    public Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        if (limit != null) {
            query.put("limit", Integer.toString(limit));
        }
        if (startingAfter != null) {
            query.put("startingAfter", startingAfter);
        }
        return query;
    }
}
