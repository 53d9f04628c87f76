package dev.proofdesk.server.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.dashboard.view.DiffRow;
import dev.proofdesk.server.dashboard.view.FormState;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Resource;
import dev.proofdesk.server.flow.Flow;
import dev.proofdesk.server.flow.FlowDefinition;
import dev.proofdesk.server.flow.FlowInput;
import dev.proofdesk.server.flow.FlowService;
import dev.proofdesk.server.flow.FlowVersion;
import dev.proofdesk.server.session.Session;
import dev.proofdesk.server.session.SessionInput;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Ids;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Flows: list, create, edit (as a draft), versions, publish, archive, export, and a test session to try one. */
final class FlowPages {
    static final int LIST_LIMIT = 100;
    private final Web web;
    private final Audit audit;
    private final ObjectMapper json;

    FlowPages(Web web, Audit audit, ObjectMapper json) {
        this.web = web;
        this.audit = audit;
        this.json = json;
    }

    void list(Context ctx, Visit v) {
        List<Flow> flows = v.services().flows().list(v.accountId(), null, LIST_LIMIT);
        web.render(ctx, v, "Flows", "flows/list.jte", Map.of("flows", flows));
    }

    void newForm(Context ctx, Visit v) {
        form(ctx, v, 200, null, FlowForm.defaults());
    }

    void create(Context ctx, Visit v) {
        FormState form = FlowForm.submitted(ctx);
        try {
            Flow flow = v.services().flows().create(v.accountId(), FlowForm.parse(form));
            audit.record(v, "flow.created", flow.id(), Map.of("name", flow.name()));
            web.redirect(ctx, v.base() + "/flows/" + flow.id(), "Created the draft flow “" + flow.name() + "”.");
        } catch (ApiException e) {
            invalid(ctx, v, null, form, e);
        }
    }

    void show(Context ctx, Visit v) {
        show(ctx, v, 200, null);
    }

    private void show(Context ctx, Visit v, int status, String publishError) {
        FlowService flows = v.services().flows();
        Flow flow = flows.get(v.accountId(), id(ctx));
        List<FlowVersion> versions = flows.versions(v.accountId(), flow.id());
        Map<String, Object> params = new HashMap<>();
        params.put("flow", flow);
        params.put("versions", versions.reversed());
        params.put("definition", current(versions, flow.version()));
        params.put("publishError", publishError);
        // In live, publishing shows exactly what changes against the version sessions use now.
        List<DiffRow> diff = null;
        if ("draft".equals(flow.status())) {
            FlowDefinition published = flow.publishedVersion() == null ? null
                    : current(versions, flow.publishedVersion());
            diff = FlowDiff.of(published, current(versions, flow.version()));
        }
        params.put("diff", diff);
        web.render(ctx, v, status, flow.name(), "flows/show.jte", params);
    }

    void editForm(Context ctx, Visit v) {
        Flow flow = v.services().flows().get(v.accountId(), id(ctx));
        FlowDefinition def = v.services().flows().export(v.accountId(), flow.id(), flow.version());
        form(ctx, v, 200, flow, FlowForm.of(def));
    }

    void update(Context ctx, Visit v) {
        FormState form = FlowForm.submitted(ctx);
        FlowService flows = v.services().flows();
        Flow flow = flows.get(v.accountId(), id(ctx));
        try {
            // The form carries the whole definition, which is what importing onto a flow replaces.
            Flow saved = flows.importDefinition(v.accountId(), FlowForm.parse(form), flow.id());
            audit.record(v, "flow.updated", saved.id(), Map.of("name", saved.name(), "version", saved.version()));
            web.redirect(ctx, v.base() + "/flows/" + saved.id(), "Saved draft version " + saved.version() + ".");
        } catch (ApiException e) {
            invalid(ctx, v, flow, form, e);
        }
    }

    void publish(Context ctx, Visit v) {
        String id = id(ctx);
        if (v.env() == Environment.LIVE && !"yes".equals(ctx.formParam("confirm"))) {
            show(ctx, v, 400, "Tick the confirmation to publish to live: live sessions will use this version.");
            return;
        }
        Flow flow = v.services().flows().publish(v.accountId(), id);
        audit.record(v, "flow.published", flow.id(), Map.of("name", flow.name(), "version", flow.version()));
        web.redirect(ctx, v.base() + "/flows/" + flow.id(), "Published version " + flow.version()
                + (v.env() == Environment.LIVE ? " to live." : "."));
    }

    void archive(Context ctx, Visit v) {
        Flow flow = v.services().flows().archive(v.accountId(), id(ctx));
        audit.record(v, "flow.archived", flow.id(), Map.of("name", flow.name()));
        web.redirect(ctx, v.base() + "/flows/" + flow.id(), "Archived “" + flow.name() + "”.");
    }

    void export(Context ctx, Visit v) throws Exception {
        String id = id(ctx);
        String rawVersion = ctx.queryParam("version");
        Integer version = null;
        if (rawVersion != null) {
            try {
                version = Integer.parseInt(rawVersion);
            } catch (NumberFormatException e) {
                throw ApiException.validation("version", "must be a version number such as 1");
            }
        }
        FlowDefinition def = v.services().flows().export(v.accountId(), id, version);
        ctx.header("Content-Disposition", "attachment; filename=\"flow-" + id + ".json\"");
        ctx.contentType("application/json").result(json.writerWithDefaultPrettyPrinter().writeValueAsString(def));
    }

    /** Test mode: opens a session of this flow on the hosted page, so a person can try it in the browser. */
    void trySession(Context ctx, Visit v) {
        v.requireTest("Trial sessions");
        Session session = v.services().sessions().create(v.accountId(),
                new SessionInput(id(ctx), null, null, Map.of("source", "dashboard"), null, null));
        ctx.redirect("/verify/" + session.id() + "?token=" + session.clientSecret(), HttpStatus.SEE_OTHER);
    }

    private void invalid(Context ctx, Visit v, Flow flow, FormState form, ApiException e) {
        if (e.status() != 400) {
            throw e;
        }
        form(ctx, v, 400, flow, form.withIssues(FlowForm.issues(e)));
    }

    private void form(Context ctx, Visit v, int status, Flow flow, FormState form) {
        Map<String, Object> params = new HashMap<>();
        params.put("flow", flow);
        params.put("form", form);
        params.put("action", flow == null ? v.base() + "/flows" : v.base() + "/flows/" + flow.id());
        web.render(ctx, v, status, flow == null ? "New flow" : "Edit " + flow.name(), "flows/form.jte", params);
    }

    static FlowDefinition current(List<FlowVersion> versions, int version) {
        return versions.stream().filter(fv -> fv.version() == version).findFirst().orElseThrow().definition();
    }

    static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!Ids.isUuid(id)) {
            throw ApiException.notFound(Resource.FLOW, id);
        }
        return id;
    }

    static FlowInput input(ObjectMapper json, FlowDefinition def) {
        return json.convertValue(def, FlowInput.class);
    }
}
