package dev.proofdesk.sdk.session;

import dev.proofdesk.sdk.ListParams;

import java.util.Map;

/** Filters and paging of a session list; every field may be null. */
public record SessionListParams(SessionStatus status, String flowId, Integer limit, String startingAfter) {
    public static final SessionListParams ALL = new SessionListParams(null, null, null, null);

    public SessionListParams {
        if (status == SessionStatus.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not a status to filter by");
        }
        new ListParams(limit, startingAfter);
    }

    public static SessionListParams status(SessionStatus status) {
        return new SessionListParams(status, null, null, null);
    }

    public static SessionListParams flow(String flowId) {
        return new SessionListParams(null, flowId, null, null);
    }

    public SessionListParams withStatus(SessionStatus status) {
        return new SessionListParams(status, flowId, limit, startingAfter);
    }

    public SessionListParams withFlowId(String flowId) {
        return new SessionListParams(status, flowId, limit, startingAfter);
    }

    public SessionListParams withLimit(int limit) {
        return new SessionListParams(status, flowId, limit, startingAfter);
    }

    public SessionListParams withStartingAfter(String sessionId) {
        return new SessionListParams(status, flowId, limit, sessionId);
    }

    Map<String, String> toQuery() {
        Map<String, String> query = new ListParams(limit, startingAfter).toQuery();
        if (status != null) {
            query.put("status", status.value());
        }
        if (flowId != null) {
            query.put("flowId", flowId);
        }
        return query;
    }
}
