package dev.proofdesk.sdk.session;

import dev.proofdesk.sdk.Page;
import dev.proofdesk.sdk.RequestOptions;
import dev.proofdesk.sdk.net.ApiRequestor;

import java.util.Map;

import static dev.proofdesk.sdk.net.ApiRequestor.segment;

/** {@code /v1/sessions}: verification sessions of the key's environment. */
public final class SessionService {
    private final ApiRequestor api;

    public SessionService(ApiRequestor api) {
        this.api = api;
    }

    /**
     * Opens a session on the flow's published version. Pass an idempotency key (e.g. your sign-up
     * id) so a retry after a lost response cannot open, or in live pay for, a second session.
     */
    public Session create(SessionCreateParams params) {
        return create(params, RequestOptions.NONE);
    }

    public Session create(SessionCreateParams params, RequestOptions options) {
        return api.post("/v1/sessions", Map.of(), params, Session.class, options);
    }

    public Session retrieve(String id) {
        return retrieve(id, RequestOptions.NONE);
    }

    public Session retrieve(String id, RequestOptions options) {
        return api.get("/v1/sessions/" + segment(id), Map.of(), Session.class, options);
    }

    /** The first page, newest first; {@link Page#autoPaging()} walks them all. */
    public Page<Session> list() {
        return list(SessionListParams.ALL, RequestOptions.NONE);
    }

    public Page<Session> list(SessionListParams params) {
        return list(params, RequestOptions.NONE);
    }

    public Page<Session> list(SessionListParams params, RequestOptions options) {
        return api.list("/v1/sessions", params.toQuery(), Session.class, Session::id, options);
    }

    /** Ends a pending session; in live its cost is refunded. */
    public Session cancel(String id) {
        return cancel(id, RequestOptions.NONE);
    }

    public Session cancel(String id, RequestOptions options) {
        return api.post("/v1/sessions/" + segment(id) + "/cancel", Map.of(), null, Session.class, options);
    }
}
