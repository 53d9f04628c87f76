package dev.proofdesk.server.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.environment.Environments;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.flow.Flow;
import dev.proofdesk.server.flow.FlowDefinition;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Ids;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Promotion, on purpose: a live page that takes a test flow's definition (what its export gives),
 * shows the difference against the live flow it would replace, and imports it there as a draft.
 * Publishing it is a separate, confirmed step on the live flow's page.
 */
final class CopyPages {
    private final Web web;
    private final Audit audit;
    private final Environments environments;
    private final ObjectMapper json;

    CopyPages(Web web, Audit audit, Environments environments, ObjectMapper json) {
        this.web = web;
        this.audit = audit;
        this.environments = environments;
        this.json = json;
    }

    void form(Context ctx, Visit v) {
        v.requireLive("Copying a flow to live");
        String from = flowId(ctx.queryParam("from"), "from");
        Flow source = environments.of(Environment.TEST).flows().get(v.accountId(), from);
        FlowDefinition definition = environments.of(Environment.TEST).flows().export(v.accountId(), from, null);
        List<Flow> targets = v.services().flows().list(v.accountId(), null, FlowPages.LIST_LIMIT).stream()
                .filter(f -> !"archived".equals(f.status())).toList();
        String into = ctx.queryParam("into");
        if (into == null) {
            into = targets.stream().filter(f -> f.name().equals(source.name())).findFirst().map(Flow::id).orElse("");
        }
        Flow target = into.isEmpty() ? null : v.services().flows().get(v.accountId(), flowId(into, "into"));
        FlowDefinition current = target == null ? null : v.services().flows().export(v.accountId(), target.id(), null);
        Map<String, Object> params = new HashMap<>();
        params.put("source", source);
        params.put("sourceVersion", source.publishedVersion() != null ? source.publishedVersion() : source.version());
        params.put("targets", targets);
        params.put("target", target);
        params.put("diff", FlowDiff.of(current, definition));
        web.render(ctx, v, "Copy “" + source.name() + "” to live", "flows/copy.jte", params);
    }

    void submit(Context ctx, Visit v) {
        v.requireLive("Copying a flow to live");
        String from = flowId(ctx.formParam("from"), "from");
        String into = ctx.formParam("into");
        into = into == null || into.isEmpty() ? null : flowId(into, "into");
        FlowDefinition definition = environments.of(Environment.TEST).flows().export(v.accountId(), from, null);
        Flow imported = v.services().flows().importDefinition(v.accountId(), FlowPages.input(json, definition), into);
        audit.record(v, "flow.copied_to_live", imported.id(), Map.of("name", imported.name(), "testFlow", from,
                "version", imported.version()));
        web.redirect(ctx, v.base() + "/flows/" + imported.id(), "Imported into live as draft v" + imported.version()
                + ". Review the changes below, then publish when you are ready.");
    }

    private static String flowId(String id, String field) {
        if (!Ids.isUuid(id)) {
            throw ApiException.validation(field, "'" + id + "' is not a flow id");
        }
        return id;
    }
}
