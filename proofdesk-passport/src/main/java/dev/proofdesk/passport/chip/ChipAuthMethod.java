package dev.proofdesk.passport.chip;

import java.util.Locale;

/** How a chip proved it is genuine, as a session result reports it ({@code chipAuthentication}). */
public enum ChipAuthMethod {
    CHIP_AUTHENTICATION,
    ACTIVE_AUTHENTICATION,
    NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
