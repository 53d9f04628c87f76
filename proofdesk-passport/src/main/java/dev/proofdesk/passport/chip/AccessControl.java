package dev.proofdesk.passport.chip;

/** How the terminal opened the chip. */
public enum AccessControl {
    BAC,
    PACE
}
