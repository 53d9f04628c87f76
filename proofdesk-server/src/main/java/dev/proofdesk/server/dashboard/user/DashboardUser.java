package dev.proofdesk.server.dashboard.user;

import java.time.Instant;

/** A person who signs in to one account's dashboard. The password hash never leaves the user package. */
public record DashboardUser(String id, String accountId, String email, Role role, Instant createdAt) {

    /** How the audit log names this user as the actor of a change. */
    public String actor() {
        return email;
    }
}
