package dev.proofdesk.passport.chip;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;
import org.jmrtd.protocol.SecureMessagingWrapper;

/**
 * Reads one file of the current directory by its identifier, every command under secure
 * messaging: SELECT, the tag and length, then the rest in as few READ BINARY as the link allows.
 * For the master file after PACE (EF.CardSecurity), which JMRTD would read without protection.
 */
final class SecureFile {
    /** The most a short READ BINARY returns under secure messaging, as JMRTD reads too. */
    private static final int SHORT_CHUNK = 0xDF;
    private static final int HEADER = 8;

    private final SecureMessagingWrapper sm;
    private final RelayCardService card;
    private final boolean extendedLength;

    SecureFile(SecureMessagingWrapper sm, RelayCardService card, boolean extendedLength) {
        this.sm = sm;
        this.card = card;
        this.extendedLength = extendedLength;
    }

    byte[] read(short fid) throws CardServiceException {
        exchange(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {(byte) (fid >> 8), (byte) fid}), "SELECT");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(exchange(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, HEADER), "READ BINARY"));
        int total = totalLength(file.toByteArray());
        while (file.size() < total) {
            int wanted = Math.min(total - file.size(), extendedLength ? 0xFFFF : SHORT_CHUNK);
            byte[] chunk = exchange(new CommandAPDU(0x00, 0xB0, file.size() >> 8, file.size() & 0xFF, wanted), "READ BINARY");
            if (chunk.length == 0) {
                throw new CardServiceException("the chip ended the file before its length");
            }
            file.writeBytes(chunk);
        }
        return Arrays.copyOf(file.toByteArray(), total);
    }

    private byte[] exchange(CommandAPDU command, String what) throws CardServiceException {
        ResponseAPDU raw = card.transmit(sm.wrap(command));
        // A refusal may come without secure messaging, as a bare status word.
        ResponseAPDU plain = raw.getBytes().length <= 2 ? raw : sm.unwrap(raw);
        if (plain.getSW() != 0x9000 && plain.getSW() != 0x6282) {
            throw new CardServiceException(what + " of the master file failed", plain.getSW());
        }
        return plain.getData();
    }

    /** The whole file's length from its first bytes: tag, then a BER length. */
    private static int totalLength(byte[] head) throws CardServiceException {
        if (head.length < 2) {
            throw new CardServiceException("the file is too short to hold a tag and length");
        }
        int first = head[1] & 0xFF;
        if (first < 0x80) {
            return 2 + first;
        }
        int count = first & 0x7F;
        if (count == 0 || count > 3 || head.length < 2 + count) {
            throw new CardServiceException("the file's length is not a BER length");
        }
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (head[2 + i] & 0xFF);
        }
        return 2 + count + length;
    }
}
