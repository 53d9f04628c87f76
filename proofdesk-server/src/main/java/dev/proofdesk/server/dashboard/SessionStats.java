package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.session.SessionResult;
import dev.proofdesk.server.session.SessionService;
import dev.proofdesk.server.session.SessionStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The overview charts' figures, from what one environment's sessions service counts. */
final class SessionStats {
    static final int DAYS = 14;
    static final int CHECK_SAMPLE = 2000;

    private SessionStats() {
    }

    /** Sessions per UTC day and outcome (valid, invalid, other) for the last {@link #DAYS} days, oldest first. */
    record Day(LocalDate date, int valid, int invalid, int other) {
        int total() {
            return valid + invalid + other;
        }
    }

    /** How often one named check passed and failed among recent completed sessions. */
    record CheckTally(String name, int passed, int failed) {
    }

    static List<Day> perDay(SessionService sessions, String accountId, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        Map<LocalDate, int[]> counts = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            counts.put(d, new int[3]);
        }
        for (SessionService.DayCount c : sessions.countsPerDay(accountId, first.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            int[] day = counts.get(c.day());
            if (day != null) {
                day[c.status() == SessionStatus.VALID ? 0 : c.status() == SessionStatus.INVALID ? 1 : 2] += c.count();
            }
        }
        return counts.entrySet().stream().map(e -> new Day(e.getKey(),
                e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }

    static List<CheckTally> checks(SessionService sessions, String accountId) {
        Map<String, int[]> tally = new LinkedHashMap<>();
        for (SessionResult result : sessions.latestResults(accountId, CHECK_SAMPLE)) {
            for (SessionResult.Check check : result.checks()) {
                if (check.skipped()) {
                    continue; // neither passed nor failed
                }
                tally.computeIfAbsent(check.name(), n -> new int[2])[check.passed() ? 0 : 1]++;
            }
        }
        return tally.entrySet().stream().map(e -> new CheckTally(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }
}
