package dev.proofdesk.passport.emulator;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flat BER-TLV data objects as commands carry them (tags of one or two bytes). */
final class DataObjects {

    /** Data that is not a sequence of well-formed data objects; the chip answers {@code 6A80}. */
    static final class Malformed extends RuntimeException {
        Malformed() {
            super("malformed data objects");
        }
    }

    private DataObjects() {
    }

    /** The data objects of {@code data} by tag; a later duplicate replaces an earlier one. */
    static Map<Integer, byte[]> parse(byte[] data) {
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        int at = 0;
        try {
            while (at < data.length) {
                int tag = data[at++] & 0xFF;
                if ((tag & 0x1F) == 0x1F) {
                    tag = (tag << 8) | (data[at++] & 0xFF);
                }
                int[] length = SecureChannel.length(data, at);
                int end = length[1] + length[0];
                if (end > data.length) {
                    throw new Malformed();
                }
                out.put(tag, Arrays.copyOfRange(data, length[1], end));
                at = end;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new Malformed();
        }
        return out;
    }

    /** The value of the single data object {@code tag} that makes up all of {@code data}. */
    static byte[] unwrap(int tag, byte[] data) {
        Map<Integer, byte[]> objects = parse(data);
        if (objects.size() != 1 || !objects.containsKey(tag)) {
            throw new Malformed();
        }
        return objects.get(tag);
    }

    static byte[] wrap(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (tag > 0xFF) {
            out.write(tag >> 8);
        }
        out.write(tag);
        out.writeBytes(SecureChannel.encodeLength(value.length));
        out.writeBytes(value);
        return out.toByteArray();
    }
}
