package dev.proofdesk.passport.emulator;

/** The status words the emulated chip answers with (ISO/IEC 7816-4, ICAO 9303 part 10). */
final class Sw {
    static final int OK = 0x9000;
    static final int END_OF_FILE = 0x6282;
    /** Authentication failed: wrong BAC or PACE key, wrong token. */
    static final int AUTHENTICATION_FAILED = 0x6300;
    static final int WRONG_LENGTH = 0x6700;
    static final int SM_DATA_OBJECTS_MISSING = 0x6987;
    static final int SM_DATA_OBJECTS_INCORRECT = 0x6988;
    static final int SECURITY_STATUS_NOT_SATISFIED = 0x6982;
    static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    static final int WRONG_DATA = 0x6A80;
    static final int FUNCTION_NOT_SUPPORTED = 0x6A81;
    static final int FILE_NOT_FOUND = 0x6A82;
    static final int WRONG_P1P2 = 0x6B00;
    static final int INCORRECT_P1P2 = 0x6A86;
    static final int REFERENCED_DATA_NOT_FOUND = 0x6A88;
    static final int INS_NOT_SUPPORTED = 0x6D00;
    static final int CLA_NOT_SUPPORTED = 0x6E00;
    /** More response data than this command's Le allows; SW2 says how much comes with the next GET RESPONSE. */
    static final int MORE_DATA = 0x6100;

    private Sw() {
    }

    /** A response with no data. */
    static byte[] only(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    static byte[] with(byte[] data, int sw) {
        byte[] out = java.util.Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }
}
