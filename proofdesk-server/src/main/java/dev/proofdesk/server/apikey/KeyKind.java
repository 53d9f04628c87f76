package dev.proofdesk.server.apikey;

/** Secret keys act on everything in their environment; publishable keys are for browsers. */
public enum KeyKind {
    SECRET("sk"), PUBLISHABLE("pk");

    private final String prefix;

    KeyKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
