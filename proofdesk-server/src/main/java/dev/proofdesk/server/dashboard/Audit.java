package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.account.AuditLog;
import dev.proofdesk.server.store.Store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records dashboard changes in the account's audit log, with the signed-in user as the actor. */
final class Audit {
    private final Store control;
    private final AuditLog log;

    Audit(Store control, AuditLog log) {
        this.control = control;
        this.log = log;
    }

    void record(Visit visit, String action, String target, Map<String, ?> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("environment", visit.env().id());
        control.writeVoid(h -> log.record(h, visit.accountId(), visit.actor(), action, target, all));
    }

    List<AuditLog.Entry> list(String accountId, String startingAfter, int limit) {
        return control.read(h -> log.list(h, accountId, startingAfter, limit));
    }
}
