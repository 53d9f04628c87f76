package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.account.AuditLog;
import io.javalin.http.Context;

import java.util.List;

/** Who changed keys, flows, endpoints and users: the account's audit log, newest first. */
final class AuditPage {
    private final Web web;
    private final Audit audit;

    AuditPage(Web web, Audit audit) {
        this.web = web;
        this.audit = audit;
    }

    void list(Context ctx, Visit v) {
        List<AuditLog.Entry> page = audit.list(v.accountId(), Cursor.after(ctx), Cursor.PAGE + 1);
        web.render(ctx, v, "Audit log", "audit.jte", Cursor.page("entries", page, AuditLog.Entry::id));
    }
}
