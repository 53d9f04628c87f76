package dev.proofdesk.server.dashboard;

import io.javalin.http.Context;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The overview: sessions per day and pass/fail by check (and, in live, the credit balance). */
final class OverviewPage {
    private final Web web;
    private final Clock clock;

    OverviewPage(Web web, Clock clock) {
        this.web = web;
        this.clock = clock;
    }

    void show(Context ctx, Visit v) {
        List<SessionStats.Day> days = SessionStats.perDay(v.services().sessions(), v.accountId(), clock);
        List<SessionStats.CheckTally> checks = SessionStats.checks(v.services().sessions(), v.accountId());
        Map<String, Object> params = new HashMap<>();
        params.put("total", days.stream().mapToInt(SessionStats.Day::total).sum());
        params.put("valid", days.stream().mapToInt(SessionStats.Day::valid).sum());
        params.put("invalid", days.stream().mapToInt(SessionStats.Day::invalid).sum());
        params.put("perDay", Charts.perDay(days));
        params.put("checks", checks.isEmpty() ? null : Charts.checks(checks));
        params.put("balance", v.services().credits().map(c -> c.balance(v.accountId())).orElse(null));
        web.render(ctx, v, "Overview", "overview.jte", params);
    }
}
