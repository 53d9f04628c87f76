package dev.proofdesk.server.dashboard.user;

import java.util.Locale;
import java.util.Optional;

/** What a dashboard user may do: owners and admins manage keys and webhooks; owners also manage users. */
public enum Role {
    OWNER, ADMIN, MEMBER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean managesKeys() {
        return this != MEMBER;
    }

    public boolean managesUsers() {
        return this == OWNER;
    }

    public static Optional<Role> parse(String value) {
        for (Role role : values()) {
            if (role.id().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
