package dev.proofdesk.passport.chip;

import net.sf.scuba.smartcards.CardServiceException;

/**
 * The server as an inspection system (ICAO 9303 part 11): opens the chip with PACE or BAC,
 * reads EF.SOD and the data groups a verdict needs (DG1, DG14, DG15; never images), then makes
 * the chip prove itself: with PACE-CAM during PACE when EF.CardAccess offers it (reading
 * EF.CardSecurity, which holds the key), else with Chip Authentication when DG14 offers it, else
 * with Active Authentication when DG15 is present. Built on JMRTD's {@code PassportService} over a scuba {@code CardService}
 * that sends every APDU through an {@link ApduChannel}. It only reads; {@code DocumentVerifier}
 * decides. Thread-safe: one instance serves every read.
 *
 * <p>Files are read in large blocks with extended-length APDUs; a chip that refuses them
 * ({@code 6700}) or does not answer one is read again from the start with short APDUs. When the
 * chip offers PACE, a refused PACE is the answer: there is no silent fallback to BAC.
 */
public final class ChipTerminal {
    /** A plain SELECT of the master file: ends a secure session the chip may still hold before a new attempt. */
    private static final byte[] SELECT_MF = {0x00, (byte) 0xA4, 0x00, 0x0C, 0x02, 0x3F, 0x00};

    private final ChipProofs proofs = new ChipProofs();
    private final boolean extendedLength;

    /** A terminal that tries extended-length APDUs first. */
    public ChipTerminal() {
        this(true);
    }

    /** @param extendedLength false for readers known to pass only short APDUs: every read then uses them */
    public ChipTerminal(boolean extendedLength) {
        this.extendedLength = extendedLength;
    }

    /**
     * Reads one chip.
     *
     * @throws ChipReadException when the read cannot finish (wrong key, not a travel document, protocol or link failure)
     */
    public ChipRead read(ApduChannel channel, AccessKey key, ReadProgress progress) {
        RelayCardService card = new RelayCardService(channel);
        if (!extendedLength) {
            return attempt(card, false, key, progress);
        }
        try {
            return attempt(card, true, key, progress);
        } catch (ChipReadException e) {
            if (!card.extendedRefused() || card.linkFailure() != null || e.reason() == ChipReadException.Reason.ACCESS_DENIED) {
                throw e;
            }
        }
        card.sendIgnoringAnswer(SELECT_MF);
        return attempt(card, false, key, progress);
    }

    private ChipRead attempt(RelayCardService card, boolean extendedLength, AccessKey key, ReadProgress progress) {
        try {
            return new ChipSession(card, extendedLength, key, progress, proofs).read();
        } catch (ChipReadException e) {
            throw e;
        } catch (CardServiceException | RuntimeException e) {
            if (card.linkFailure() != null) {
                throw new ChipReadException(ChipReadException.Reason.LINK, card.linkFailure().getMessage(), card.linkFailure());
            }
            throw new ChipReadException(ChipReadException.Reason.PROTOCOL, "the chip broke the protocol: " + describe(e), e);
        }
    }

    /** Maps a failed BAC or PACE: the chip's {@code 6300} (or a refused token) means the key is wrong. */
    static ChipReadException accessFailure(String protocol, CardServiceException e, RelayCardService card) {
        if (card.linkFailure() != null) {
            return new ChipReadException(ChipReadException.Reason.LINK, card.linkFailure().getMessage(), card.linkFailure());
        }
        int sw = statusWord(e);
        // JMRTD repeats a refused BAC MUTUAL AUTHENTICATE, so the last status word may not be the 6300 that counts.
        if (card.authenticationFailed() || sw == 0x6300 || (sw & 0xFFF0) == 0x63C0) {
            return new ChipReadException(ChipReadException.Reason.ACCESS_DENIED,
                    protocol + " refused: the document number, dates of birth and expiry, or the CAN do not match this document", e);
        }
        return new ChipReadException(ChipReadException.Reason.PROTOCOL, protocol + " failed: " + describe(e), e);
    }

    /** The first status word found along the cause chain, or -1. */
    static int statusWord(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CardServiceException c && c.getSW() != CardServiceException.SW_NONE && c.getSW() != -1) {
                return c.getSW() & 0xFFFF;
            }
        }
        return -1;
    }

    static String describe(Throwable e) {
        int sw = statusWord(e);
        return sw < 0 ? e.getClass().getSimpleName() + ": " + e.getMessage() : String.format("status word %04X", sw);
    }
}
