package dev.proofdesk.server.dashboard.view;

import java.util.List;

/**
 * What every dashboard page shows around its content: who is signed in, the environment (banner,
 * colour and switch), the navigation, the CSRF token for forms and htmx, and a one-time message.
 */
public record Chrome(
        String title,
        String env,
        String userEmail,
        String role,
        String csrf,
        String flash,
        List<NavItem> nav,
        String switchUrl,
        boolean canManageKeys,
        boolean canManageUsers) {

    public record NavItem(String label, String href, boolean current) {
    }

    public boolean test() {
        return "test".equals(env);
    }

    public String base() {
        return "/dashboard/" + env;
    }

    public String otherEnv() {
        return test() ? "live" : "test";
    }

    /** The header htmx sends with every request it makes, so its POSTs carry the synchroniser token. */
    public String htmxHeaders() {
        return "{\"X-CSRF-Token\": \"" + csrf + "\"}";
    }
}
