package dev.proofdesk.passport.chip;

/**
 * One APDU exchange with a chip, wherever the chip is: behind a relay WebSocket, in a PC/SC
 * reader, or emulated. The terminal ({@link ChipTerminal}) only ever talks to a chip through this.
 */
@FunctionalInterface
public interface ApduChannel {
    /**
     * Sends one command APDU and waits for its response.
     *
     * @return the response APDU: response data followed by SW1 SW2
     * @throws ChipIoException when the link to the chip fails (timeout, disconnect, garbage)
     */
    byte[] transmit(byte[] command);
}
