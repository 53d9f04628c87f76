package dev.proofdesk.passport.emulator;

import java.util.Arrays;

/**
 * One command APDU as the card reads it (ISO/IEC 7816-3 cases 1 to 4, short and extended).
 *
 * @param ne the expected response length: 0 when absent, 256 for a short {@code 00}, 65536 for an extended {@code 0000}
 * @param extended whether Lc or Le were encoded in extended length
 */
record CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int ne, boolean extended) {

    /** Thrown for bytes that are no command APDU; the card answers {@code 6700}. */
    static final class MalformedApdu extends RuntimeException {
        MalformedApdu(String message) {
            super(message);
        }
    }

    static CommandApdu parse(byte[] apdu) {
        if (apdu == null || apdu.length < 4) {
            throw new MalformedApdu("shorter than a header");
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        byte[] none = new byte[0];
        if (apdu.length == 4) {
            return new CommandApdu(cla, ins, p1, p2, none, 0, false);
        }
        int b4 = apdu[4] & 0xFF;
        if (apdu.length == 5) {
            return new CommandApdu(cla, ins, p1, p2, none, b4 == 0 ? 256 : b4, false);
        }
        if (b4 != 0) {
            int lc = b4;
            if (apdu.length == 5 + lc) {
                return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + lc), 0, false);
            }
            if (apdu.length == 6 + lc) {
                int le = apdu[5 + lc] & 0xFF;
                return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + lc), le == 0 ? 256 : le, false);
            }
            throw new MalformedApdu("length does not match Lc");
        }
        int first = u16(apdu, 5);
        if (apdu.length == 7) {
            return new CommandApdu(cla, ins, p1, p2, none, first == 0 ? 65536 : first, true);
        }
        int lc = first;
        if (lc > 0 && apdu.length == 7 + lc) {
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 7, 7 + lc), 0, true);
        }
        if (lc > 0 && apdu.length == 9 + lc) {
            int le = u16(apdu, 7 + lc);
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 7, 7 + lc), le == 0 ? 65536 : le, true);
        }
        throw new MalformedApdu("length does not match extended Lc");
    }

    /** The largest response data this command lets the card send. */
    int maxResponseLength() {
        return extended ? 65536 : 256;
    }

    boolean chained() {
        return (cla & 0x10) != 0;
    }

    private static int u16(byte[] b, int at) {
        if (at + 1 >= b.length) {
            throw new MalformedApdu("truncated extended length");
        }
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
