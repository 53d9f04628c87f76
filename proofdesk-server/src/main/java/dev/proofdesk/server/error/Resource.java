package dev.proofdesk.server.error;

import java.util.Locale;

/**
 * The kinds of object an id can name, as a not-found or a wrong-environment answer names them. The
 * edge's environment check switches over these, so a new kind has to say whether it lives per
 * environment instead of silently answering a plain 404.
 */
public enum Resource {
    FLOW("Flow"),
    SESSION("Session"),
    WEBHOOK_ENDPOINT("Webhook endpoint"),
    EVENT("Event"),
    MOCK_PASSPORT("Mock passport"),
    API_KEY("API key"),
    ACCOUNT("Account"),
    USER("User"),
    ENVIRONMENT("Environment");

    private final String label;

    Resource(String label) {
        this.label = label;
    }

    /** As a person names it: {@code Flow}, {@code Webhook endpoint}. */
    public String label() {
        return label;
    }

    /** As the API's {@code details.object} names it: {@code flow}, {@code webhook_endpoint}. */
    public String object() {
        return label.toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
