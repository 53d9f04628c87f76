package dev.proofdesk.passport.chip;

/**
 * The server as an inspection system (ICAO 9303 part 11): opens the chip with PACE or BAC,
 * reads EF.SOD and the data groups a verdict needs (DG1, DG14, DG15; never images), then makes
 * the chip prove itself with Chip Authentication when DG14 offers it, else Active Authentication
 * when DG15 is present. Built on JMRTD's {@code PassportService} over a scuba {@code CardService}
 * that sends every APDU through an {@link ApduChannel}. It only reads; {@code DocumentVerifier}
 * decides. Thread-safe: one instance serves every read.
 */
public final class ChipTerminal {

    /**
     * Reads one chip.
     *
     * @throws ChipReadException when the read cannot finish (wrong key, not a travel document, protocol or link failure)
     */
    public ChipRead read(ApduChannel channel, AccessKey key, ReadProgress progress) {
        throw new UnsupportedOperationException("not built yet");
    }
}
