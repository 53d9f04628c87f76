package dev.proofdesk.server.session;

import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Rows;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sessions in one environment's store. */
final class SessionRepository {

    /** A stored session; JSON columns stay text until the service reads them. */
    record Row(String id, String accountId, String flowId, String flowVersionId, String externalUuid,
               SessionStatus status, String metadata, String result, int cost, String successUrl,
               String failureUrl, Instant createdAt, Instant expiresAt, Instant completedAt) {

        /** A pending session past its expiry is shown as expired even before the sweeper persists it. */
        SessionStatus effectiveStatus(Instant now) {
            return status == SessionStatus.PENDING && !expiresAt.isAfter(now) ? SessionStatus.EXPIRED : status;
        }
    }

    record Filter(SessionStatus status, String flowId, String startingAfter, int limit) {
    }

    void insert(Handle h, Row row) {
        h.createUpdate("""
                INSERT INTO sessions (id, account_id, flow_id, flow_version_id, external_uuid, status, metadata,
                                      cost, success_url, failure_url, created_at, expires_at, updated_at)
                VALUES (:id, :account, :flow, :version, :external, :status, :metadata,
                        :cost, :success, :failure, :created, :expires, :created)""")
                .bind("id", row.id()).bind("account", row.accountId()).bind("flow", row.flowId())
                .bind("version", row.flowVersionId()).bind("external", row.externalUuid())
                .bind("status", row.status().id()).bind("metadata", row.metadata()).bind("cost", row.cost())
                .bind("success", row.successUrl()).bind("failure", row.failureUrl())
                .bind("created", row.createdAt().toEpochMilli()).bind("expires", row.expiresAt().toEpochMilli())
                .execute();
    }

    Optional<Row> find(Handle h, String accountId, String id) {
        return h.createQuery("SELECT * FROM sessions WHERE id = :id AND account_id = :account")
                .bind("id", id).bind("account", accountId).map((rs, ctx) -> map(rs)).findOne();
    }

    Optional<Row> findById(Handle h, String id) {
        return h.createQuery("SELECT * FROM sessions WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    boolean exists(Handle h, String accountId, String id) {
        return h.createQuery("SELECT COUNT(*) FROM sessions WHERE id = :id AND account_id = :account")
                .bind("id", id).bind("account", accountId).mapTo(Integer.class).one() > 0;
    }

    /**
     * Moves a session from one status to another only if it is still in the expected one; the
     * affected-row count is how callers know they, and nobody else, made the transition.
     */
    boolean transition(Handle h, String id, SessionStatus from, SessionStatus to, String result, Instant now) {
        return h.createUpdate("""
                UPDATE sessions SET status = :to, result = COALESCE(:result, result), updated_at = :now,
                       completed_at = CASE WHEN :terminal = 1 THEN :now ELSE completed_at END
                WHERE id = :id AND status = :from""")
                .bind("to", to.id()).bind("from", from.id()).bind("result", result)
                .bind("terminal", to.terminal() ? 1 : 0).bind("now", now.toEpochMilli()).bind("id", id)
                .execute() == 1;
    }

    List<Row> list(Handle h, String accountId, Filter filter, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT * FROM sessions WHERE account_id = :account");
        if (filter.flowId() != null) {
            sql.append(" AND flow_id = :flow");
        }
        if (filter.status() == SessionStatus.PENDING) {
            sql.append(" AND status = 'pending' AND expires_at > :now");
        } else if (filter.status() == SessionStatus.EXPIRED) {
            sql.append(" AND (status = 'expired' OR (status = 'pending' AND expires_at <= :now))");
        } else if (filter.status() != null) {
            sql.append(" AND status = :status");
        }
        if (filter.startingAfter() != null) {
            sql.append(" AND id < :after");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        return h.createQuery(sql.toString())
                .bind("account", accountId).bind("flow", filter.flowId())
                .bind("status", filter.status() == null ? null : filter.status().id())
                .bind("now", now.toEpochMilli()).bind("after", filter.startingAfter())
                .bind("limit", filter.limit())
                .map((rs, ctx) -> map(rs)).list();
    }

    void setChallenge(Handle h, String id, String challenge, Instant now) {
        h.createUpdate("UPDATE sessions SET challenge = :c, challenge_at = :now, updated_at = :now WHERE id = :id")
                .bind("c", challenge).bind("now", now.toEpochMilli()).bind("id", id).execute();
    }

    /** The challenge last issued, with when; consumed (cleared) by {@link #takeChallenge}. */
    record Challenge(String value, Instant issuedAt) {
    }

    Optional<Challenge> openChallenge(Handle h, String id) {
        return h.createQuery("SELECT challenge, challenge_at FROM sessions WHERE id = :id AND challenge IS NOT NULL")
                .bind("id", id).map((rs, c) -> new Challenge(rs.getString(1), Rows.requiredInstant(rs, "challenge_at")))
                .findOne();
    }

    Optional<Challenge> takeChallenge(Handle h, String id) {
        Optional<Challenge> challenge = openChallenge(h, id);
        h.createUpdate("UPDATE sessions SET challenge = NULL, challenge_at = NULL WHERE id = :id")
                .bind("id", id).execute();
        return challenge;
    }

    /**
     * Takes the relay lease of a pending, unexpired session unless another relay holds an unexpired one;
     * one conditional update, so two nodes cannot both win.
     */
    boolean takeRelayLease(Handle h, String id, String lease, Instant until, Instant now) {
        return h.createUpdate("""
                UPDATE sessions SET relay_lease = :lease, relay_lease_until = :until
                WHERE id = :id AND status = 'pending' AND expires_at > :now
                  AND (relay_lease IS NULL OR relay_lease_until <= :now)""")
                .bind("lease", lease).bind("until", until.toEpochMilli()).bind("now", now.toEpochMilli())
                .bind("id", id).execute() == 1;
    }

    void releaseRelayLease(Handle h, String id, String lease) {
        h.createUpdate("""
                UPDATE sessions SET relay_lease = NULL, relay_lease_until = NULL
                WHERE id = :id AND relay_lease = :lease""")
                .bind("id", id).bind("lease", lease).execute();
    }

    void setNullifier(Handle h, String id, String nullifier) {
        h.createUpdate("UPDATE sessions SET nullifier = :n WHERE id = :id").bind("n", nullifier).bind("id", id).execute();
    }

    /**
     * Claims the document for this session unless a valid session of the flow already has: true when
     * this call took the claim. On PostgreSQL a racing claim waits for the other transaction and then
     * finds the row; the claim commits or rolls back with the verdict.
     */
    boolean claimDocument(Handle h, String accountId, String flowId, String nullifier, String sessionId, Instant now) {
        return h.createUpdate("""
                INSERT INTO document_claims (account_id, flow_id, nullifier, session_id, created_at)
                VALUES (:account, :flow, :n, :session, :now)
                ON CONFLICT (account_id, flow_id, nullifier) DO NOTHING""")
                .bind("account", accountId).bind("flow", flowId).bind("n", nullifier).bind("session", sessionId)
                .bind("now", now.toEpochMilli()).execute() == 1;
    }

    /** Sessions left in processing by a crash, for the sweeper to end with an error. */
    List<Row> stuckProcessing(Handle h, Instant before, int limit) {
        return h.createQuery("""
                SELECT * FROM sessions WHERE status = 'processing' AND updated_at < :before
                ORDER BY updated_at LIMIT :limit""")
                .bind("before", before.toEpochMilli()).bind("limit", limit).map((rs, ctx) -> map(rs)).list();
    }

    /** The summed cost of sessions not yet ended (an overdue pending one counts as expired). */
    long costInProgress(Handle h, String accountId, Instant now) {
        return h.createQuery("""
                SELECT COALESCE(SUM(cost), 0) FROM sessions WHERE account_id = :account
                AND (status = 'processing' OR (status = 'pending' AND expires_at > :now))""")
                .bind("account", accountId).bind("now", now.toEpochMilli()).mapTo(Long.class).one();
    }

    /** Pending sessions whose time is up, oldest first, for the sweeper. */
    List<Row> due(Handle h, Instant now, int limit) {
        return h.createQuery("""
                SELECT * FROM sessions WHERE status = 'pending' AND expires_at <= :now
                ORDER BY expires_at LIMIT :limit""")
                .bind("now", now.toEpochMilli()).bind("limit", limit).map((rs, ctx) -> map(rs)).list();
    }

    /** How many sessions of one status were created on one UTC day (days since the epoch). */
    record DayCount(long epochDay, SessionStatus status, int count) {
    }

    /**
     * Sessions created since {@code since}, counted per UTC day and status. Session ids are UUIDv7, so
     * "since" is a range on the primary-key order the (account, id) index already has.
     */
    List<DayCount> countsPerDay(Handle h, String accountId, Instant since) {
        return h.createQuery("""
                        SELECT created_at / 86400000 AS d, status, COUNT(*) AS n FROM sessions
                        WHERE account_id = :account AND id >= :since GROUP BY created_at / 86400000, status""")
                .bind("account", accountId).bind("since", Ids.lowestAt(since))
                .map((rs, ctx) -> new DayCount(rs.getLong("d"), SessionStatus.parse(rs.getString("status")).orElseThrow(),
                        rs.getInt("n")))
                .list();
    }

    /** The stored results of the account's latest sessions that have one, newest first. */
    List<String> latestResults(Handle h, String accountId, int limit) {
        return h.createQuery("""
                        SELECT result FROM sessions WHERE account_id = :account AND result IS NOT NULL
                        ORDER BY id DESC LIMIT :limit""")
                .bind("account", accountId).bind("limit", limit).mapTo(String.class).list();
    }

    private static Row map(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("account_id"), rs.getString("flow_id"),
                rs.getString("flow_version_id"), rs.getString("external_uuid"),
                SessionStatus.parse(rs.getString("status")).orElseThrow(), rs.getString("metadata"),
                rs.getString("result"), rs.getInt("cost"), rs.getString("success_url"), rs.getString("failure_url"),
                Rows.requiredInstant(rs, "created_at"), Rows.requiredInstant(rs, "expires_at"),
                Rows.instant(rs, "completed_at").orElse(null));
    }
}
