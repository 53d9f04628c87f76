package dev.proofdesk.passport.chip;

/** Told each time a read enters a step, so a relay can show the holder how far it is. */
@FunctionalInterface
public interface ReadProgress {
    ReadProgress NONE = step -> { };

    /** @param step one of {@code access_control}, {@code reading}, {@code chip_authentication}, {@code active_authentication} */
    void step(String step);
}
