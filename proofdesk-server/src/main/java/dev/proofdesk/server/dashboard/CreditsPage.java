package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.billing.CreditLedger;
import dev.proofdesk.server.billing.LedgerEntry;
import dev.proofdesk.server.dashboard.view.CreditUsage;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Live only: the credit balance, usage per day, and the latest ledger entries. */
final class CreditsPage {
    private static final int RECENT = 50;
    private final Web web;
    private final Clock clock;

    CreditsPage(Web web, Clock clock) {
        this.web = web;
        this.clock = clock;
    }

    void show(Context ctx, Visit v) {
        v.requireLive("Credits");
        CreditLedger ledger = v.services().credits().orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(SessionStats.DAYS - 1);
        TreeMap<LocalDate, long[]> usage = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            usage.put(d, new long[2]);
        }
        Deque<LedgerEntry> recent = new ArrayDeque<>();
        ledger.forEachEntry(v.accountId(), entry -> {
            recent.addFirst(entry);
            if (recent.size() > RECENT) {
                recent.removeLast();
            }
            long[] day = usage.get(LocalDate.ofInstant(entry.createdAt(), ZoneOffset.UTC));
            if (day != null && entry.kind() != LedgerEntry.Kind.GRANT) {
                day[entry.kind() == LedgerEntry.Kind.CHARGE ? 0 : 1] += Math.abs(entry.amount());
            }
        });
        List<CreditUsage> days = new ArrayList<>();
        usage.forEach((date, c) -> days.add(new CreditUsage(date, c[0], c[1])));
        web.render(ctx, v, "Credits", "credits.jte", Map.of("balance", ledger.balance(v.accountId()),
                "usage", days.reversed(), "entries", List.copyOf(recent)));
    }
}
