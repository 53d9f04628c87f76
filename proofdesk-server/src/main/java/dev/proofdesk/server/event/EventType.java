package dev.proofdesk.server.event;

import java.util.Arrays;
import java.util.List;

/** Every event type the server emits; webhook endpoints subscribe to these (or to "*"). */
public enum EventType {
    SESSION_CREATED("session.created", true),
    SESSION_CANCELED("session.canceled", true),
    SESSION_EXPIRED("session.expired", true),
    VERIFICATION_COMPLETED("verification.completed", true),
    FLOW_PUBLISHED("flow.published", false),
    WEBHOOK_ENDPOINT_DISABLED("webhook_endpoint.disabled", false),
    WEBHOOK_ENDPOINT_TEST("webhook_endpoint.test", false),
    BILLING_CREDITS_LOW("billing.credits_low", false);

    private static final List<String> IDS = Arrays.stream(values()).map(EventType::id).toList();

    private final String id;
    private final boolean aboutSession;

    EventType(String id, boolean aboutSession) {
        this.id = id;
        this.aboutSession = aboutSession;
    }

    /** The type as events and webhooks name it, e.g. {@code session.created}. */
    public String id() {
        return id;
    }

    /** Its data is a session, so the event is found among the session's events. */
    boolean aboutSession() {
        return aboutSession;
    }

    /** Every type's name, in this order. */
    public static List<String> ids() {
        return IDS;
    }

    public static boolean known(String id) {
        return IDS.contains(id);
    }
}
