package dev.proofdesk.passport.mock;

/** Which access protocols a mock chip accepts. */
public enum ChipAccess {
    /** BAC only: older passports. */
    BAC,
    /** PACE only: identity cards and recent passports refuse BAC. */
    PACE,
    /** PACE, with BAC for terminals that lack it. */
    BOTH;

    boolean bac() {
        return this != PACE;
    }

    boolean pace() {
        return this != BAC;
    }
}
