package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Resource;
import dev.proofdesk.server.event.Event;
import dev.proofdesk.server.store.Ids;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/** Events of the environment in the URL, newest first, and one event's data. */
final class EventPages {
    private final Web web;

    EventPages(Web web) {
        this.web = web;
    }

    void list(Context ctx, Visit v) {
        String type = ctx.queryParam("type");
        type = type == null || type.isBlank() ? null : type.strip();
        List<Event> page = v.services().events().list(v.accountId(), type, Cursor.after(ctx), Cursor.PAGE + 1);
        Map<String, Object> params = Cursor.page("events", page, Event::id);
        params.put("type", type == null ? "" : type);
        web.render(ctx, v, "Events", "events/list.jte", params);
    }

    void show(Context ctx, Visit v) {
        String id = ctx.pathParam("id");
        Event event = Ids.isUuid(id) ? v.services().events().find(v.accountId(), id).orElse(null) : null;
        if (event == null) {
            throw ApiException.notFound(Resource.EVENT, id);
        }
        web.render(ctx, v, "Event " + event.type(), "events/show.jte", Map.of("event", event));
    }
}
