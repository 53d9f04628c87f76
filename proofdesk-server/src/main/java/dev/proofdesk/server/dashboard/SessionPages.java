package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.event.Event;
import dev.proofdesk.server.flow.Flow;
import dev.proofdesk.server.session.Session;
import dev.proofdesk.server.session.SessionResult;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Sessions: a filterable list, and one session with every check, the disclosed attributes and its events. */
final class SessionPages {
    private static final int EVENTS_SHOWN = 50;
    private final Web web;

    SessionPages(Web web) {
        this.web = web;
    }

    void list(Context ctx, Visit v) {
        String status = blankToNull(ctx.queryParam("status"));
        String flowId = blankToNull(ctx.queryParam("flow"));
        List<Session> page = v.services().sessions().list(v.accountId(), status, flowId, Cursor.after(ctx),
                Cursor.PAGE + 1);
        List<Flow> flows = v.services().flows().list(v.accountId(), null, FlowPages.LIST_LIMIT);
        Map<String, Object> params = Cursor.page("sessions", page, Session::id);
        params.put("flows", flows);
        params.put("flowNames", flows.stream().collect(Collectors.toMap(Flow::id, Flow::name)));
        params.put("status", status == null ? "" : status);
        params.put("flow", flowId == null ? "" : flowId);
        web.render(ctx, v, "Sessions", "sessions/list.jte", params);
    }

    void show(Context ctx, Visit v) {
        Session session = v.services().sessions().get(v.accountId(), ctx.pathParam("id"));
        Flow flow = v.services().flows().get(v.accountId(), session.flowId());
        Map<String, Object> params = new HashMap<>();
        params.put("session", session);
        params.put("flow", flow);
        params.put("result", session.result() == null ? SessionResult.NONE : session.result());
        List<Event> events = v.services().events().ofSession(v.accountId(), session.id(), EVENTS_SHOWN);
        params.put("events", events);
        params.put("deliveries", v.services().webhooks().deliveriesOfEvents(events.stream().map(Event::id).toList()));
        web.render(ctx, v, "Session " + session.id(), "sessions/show.jte", params);
    }

    void cancel(Context ctx, Visit v) {
        Session session = v.services().sessions().cancel(v.accountId(), ctx.pathParam("id"));
        web.redirect(ctx, v.base() + "/sessions/" + session.id(), "Canceled the session.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
