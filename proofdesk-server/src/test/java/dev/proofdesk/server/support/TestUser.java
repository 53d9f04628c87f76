package dev.proofdesk.server.support;

import dev.proofdesk.server.dashboard.user.Role;

/** A dashboard user with the password it was created with. */
public record TestUser(String email, String password, Role role) {
}
