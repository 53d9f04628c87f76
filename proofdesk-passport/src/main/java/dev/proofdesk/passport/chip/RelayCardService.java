package dev.proofdesk.passport.chip;

import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;

/**
 * A scuba card service whose card is at the other end of an {@link ApduChannel}. It counts
 * the command APDUs, and remembers a link failure and a refused extended-length APDU, which
 * JMRTD may wrap in its own exceptions, so the terminal can tell them from a chip's answer.
 */
final class RelayCardService extends CardService {
    private final ApduChannel channel;
    private int count;
    private ChipIoException linkFailure;
    private boolean extendedRefused;
    private boolean authenticationFailed;

    RelayCardService(ApduChannel channel) {
        this.channel = channel;
    }

    @Override
    public void open() {
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardServiceException {
        byte[] bytes = command.getBytes();
        boolean extended = bytes.length > 5 && bytes[4] == 0;
        count++;
        byte[] response;
        try {
            response = channel.transmit(bytes);
        } catch (ChipIoException e) {
            if (extended) {
                extendedRefused = true;
            } else {
                linkFailure = e;
            }
            throw new CardServiceException("no answer from the chip: " + e.getMessage(), e);
        }
        if (response == null || response.length < 2) {
            linkFailure = new ChipIoException("the chip's answer is shorter than a status word");
            throw new CardServiceException(linkFailure.getMessage(), linkFailure);
        }
        if (extended && response.length == 2 && response[0] == 0x67 && response[1] == 0x00) {
            extendedRefused = true;
        }
        if (response.length == 2 && response[0] == 0x63 && response[1] == 0x00) {
            authenticationFailed = true;
        }
        return new ResponseAPDU(response[response.length - 2] == 0x61 ? collect(response) : response);
    }

    /** Response chaining (ISO/IEC 7816-4 §5.3.4): GET RESPONSE while the chip says {@code 61xx}. */
    private byte[] collect(byte[] first) throws CardServiceException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        byte[] response = first;
        for (int rounds = 0; response.length >= 2 && response[response.length - 2] == 0x61; rounds++) {
            if (rounds > 256) {
                throw new CardServiceException("the chip keeps answering 61xx");
            }
            all.write(response, 0, response.length - 2);
            count++;
            try {
                response = channel.transmit(new byte[] {0x00, (byte) 0xC0, 0x00, 0x00, response[response.length - 1]});
            } catch (ChipIoException e) {
                linkFailure = e;
                throw new CardServiceException("no answer from the chip: " + e.getMessage(), e);
            }
        }
        all.writeBytes(response);
        return all.toByteArray();
    }

    /** Sends one APDU outside JMRTD (a reset before a retry), ignoring what the chip answers. */
    void sendIgnoringAnswer(byte[] command) {
        count++;
        try {
            channel.transmit(command);
        } catch (ChipIoException e) {
            linkFailure = e;
        }
    }

    @Override
    public byte[] getATR() {
        return new byte[0];
    }

    @Override
    public boolean isExtendedAPDULengthSupported() {
        return !extendedRefused;
    }

    @Override
    public void close() {
    }

    @Override
    public boolean isConnectionLost(Exception e) {
        return linkFailure != null;
    }

    int count() {
        return count;
    }

    ChipIoException linkFailure() {
        return linkFailure;
    }

    /** Whether the chip answered {@code 6300} (authentication failed) to some command. */
    boolean authenticationFailed() {
        return authenticationFailed;
    }

    boolean extendedRefused() {
        return extendedRefused;
    }
}
