package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.account.AuditLog;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.store.Ids;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Who changed keys, flows, endpoints and users: the account's audit log, newest first. */
final class AuditPage {
    private static final int PAGE = 50;
    private final Web web;
    private final Audit audit;

    AuditPage(Web web, Audit audit) {
        this.web = web;
        this.audit = audit;
    }

    void list(Context ctx, Visit v) {
        String after = ctx.queryParam("after");
        if (after != null && !Ids.isUuid(after)) {
            throw ApiException.validation("after", "must be the id of the last entry of the previous page");
        }
        List<AuditLog.Entry> page = audit.list(v.accountId(), after, PAGE + 1);
        Map<String, Object> params = new HashMap<>();
        params.put("entries", page.size() > PAGE ? page.subList(0, PAGE) : page);
        params.put("next", page.size() > PAGE ? page.get(PAGE - 1).id() : null);
        web.render(ctx, v, "Audit log", "audit.jte", params);
    }
}
