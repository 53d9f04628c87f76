package dev.proofdesk.server.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.store.Ids;
import io.javalin.http.Context;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Cursor pagination: {@code ?limit=&startingAfter=} in, {@code {data, hasMore}} out. */
public final class Pagination {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;
    /** What every list takes; lists with filters add theirs. */
    public static final QueryParams QUERY = QueryParams.of("limit", "startingAfter");

    private Pagination() {
    }

    public record PageRequest(int limit, String startingAfter) {
        /** One more than asked, so the page knows whether more follow. */
        public int fetchLimit() {
            return limit + 1;
        }
    }

    public record Page<T>(List<T> data, boolean hasMore) {
        @JsonProperty("object")
        public String object() {
            return "list";
        }
    }

    public static PageRequest request(Context ctx) {
        String rawLimit = ctx.queryParam("limit");
        int limit = DEFAULT_LIMIT;
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiException.validation("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        String after = ctx.queryParam("startingAfter");
        if (after != null && !Ids.isUuid(after)) {
            throw ApiException.validation("startingAfter", "must be the id of the last object of the previous page");
        }
        return new PageRequest(limit, after);
    }

    /**
     * One page. The cursor must be an object of this very list ({@code cursorIsHere}): an id of
     * another account, environment or list would otherwise quietly select an unrelated page.
     */
    public static <T> Page<T> page(PageRequest request, Predicate<String> cursorIsHere,
                                   Function<PageRequest, List<T>> fetch) {
        if (request.startingAfter() != null && !cursorIsHere.test(request.startingAfter())) {
            throw ApiException.validation("startingAfter", "'" + request.startingAfter() + "' is not an object of "
                    + "this list; pass the id of the last object of the previous page");
        }
        List<T> rows = fetch.apply(request);
        boolean more = rows.size() > request.limit();
        return new Page<>(more ? rows.subList(0, request.limit()) : rows, more);
    }
}
