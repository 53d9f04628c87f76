package dev.proofdesk.server.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.session.SessionResult;
import dev.proofdesk.server.store.Store;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read-only aggregates for the overview charts, over one environment's store. Session ids are
 * UUIDv7, so "since" is a range on the primary-key order the (account, id) index already has.
 */
final class SessionStats {
    static final int DAYS = 14;
    static final int CHECK_SAMPLE = 2000;
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

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

    static List<Day> perDay(Store store, String accountId, Clock clock) {
        long today = Math.floorDiv(clock.millis(), DAY_MS);
        long since = (today - DAYS + 1) * DAY_MS;
        Map<Long, int[]> counts = new TreeMap<>();
        for (long d = today - DAYS + 1; d <= today; d++) {
            counts.put(d, new int[3]);
        }
        store.read(h -> h.createQuery("""
                        SELECT created_at / 86400000 AS d, status, COUNT(*) AS n FROM sessions
                        WHERE account_id = :account AND id >= :since GROUP BY created_at / 86400000, status""")
                .bind("account", accountId).bind("since", lowestId(since))
                .map((rs, ctx) -> {
                    int[] c = counts.get(rs.getLong("d"));
                    if (c != null) {
                        String status = rs.getString("status");
                        c["valid".equals(status) ? 0 : "invalid".equals(status) ? 1 : 2] += rs.getInt("n");
                    }
                    return null;
                }).list());
        return counts.entrySet().stream().map(e -> new Day(LocalDate.ofEpochDay(e.getKey()),
                e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }

    static List<CheckTally> checks(Store store, String accountId, ObjectMapper json) {
        Map<String, int[]> tally = new LinkedHashMap<>();
        List<String> results = store.read(h -> h.createQuery("""
                        SELECT result FROM sessions WHERE account_id = :account AND result IS NOT NULL
                        ORDER BY id DESC LIMIT :limit""")
                .bind("account", accountId).bind("limit", CHECK_SAMPLE).mapTo(String.class).list());
        for (String text : results) {
            try {
                for (SessionResult.Check check : SessionResult.read(json.readTree(text)).checks()) {
                    if (check.skipped()) {
                        continue; // neither passed nor failed
                    }
                    tally.computeIfAbsent(check.name(), n -> new int[2])[check.passed() ? 0 : 1]++;
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored session result is not JSON", e);
            }
        }
        return tally.entrySet().stream().map(e -> new CheckTally(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /** The smallest UUIDv7 of a millisecond: every id created at or after it sorts at or after this. */
    static String lowestId(long millis) {
        String hex = String.format("%012x", millis);
        return hex.substring(0, 8) + "-" + hex.substring(8) + "-0000-0000-000000000000";
    }

}
