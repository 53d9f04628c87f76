package dev.proofdesk.passport.emulator;

/**
 * What the chip answers to one plain command, before secure messaging protects it.
 *
 * @param next the secure channel to use from the next command on (a finished PACE, BAC or Chip
 *     Authentication), or null to keep the current one
 */
record Reply(byte[] data, int sw, SecureChannel next) {
    static final byte[] NONE = new byte[0];

    static Reply of(int sw) {
        return new Reply(NONE, sw, null);
    }

    static Reply ok(byte[] data) {
        return new Reply(data, Sw.OK, null);
    }
}
