package dev.proofdesk.server.event;

import java.util.List;

/** Every event type the server emits; webhook endpoints subscribe to these (or to "*"). */
public final class EventTypes {
    public static final String SESSION_CREATED = "session.created";
    public static final String SESSION_CANCELED = "session.canceled";
    public static final String SESSION_EXPIRED = "session.expired";
    public static final String VERIFICATION_COMPLETED = "verification.completed";
    public static final String FLOW_PUBLISHED = "flow.published";
    public static final String WEBHOOK_ENDPOINT_DISABLED = "webhook_endpoint.disabled";
    public static final String WEBHOOK_ENDPOINT_TEST = "webhook_endpoint.test";
    public static final String BILLING_CREDITS_LOW = "billing.credits_low";

    public static final List<String> ALL = List.of(SESSION_CREATED, SESSION_CANCELED, SESSION_EXPIRED,
            VERIFICATION_COMPLETED, FLOW_PUBLISHED, WEBHOOK_ENDPOINT_DISABLED, WEBHOOK_ENDPOINT_TEST,
            BILLING_CREDITS_LOW);

    private EventTypes() {
    }
}
