package dev.proofdesk.passport.lds;

/**
 * One BER-TLV header as ICAO 9303 uses them (tags of one or two bytes, definite lengths).
 * Bounds are checked here so callers can slice without fear of reading past the input.
 */
record Tlv(int tag, int valueOffset, int length) {

    int end() {
        return valueOffset + length;
    }

    static Tlv read(byte[] data, int offset) {
        int p = offset;
        int tag = byteAt(data, p++);
        if ((tag & 0x1F) == 0x1F) {
            int next = byteAt(data, p++);
            if ((next & 0x80) != 0) {
                throw new MalformedDocumentException("tags longer than two bytes are not used in the LDS");
            }
            tag = (tag << 8) | next;
        }
        int first = byteAt(data, p++);
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 3) {
                throw new MalformedDocumentException("unsupported TLV length encoding");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | byteAt(data, p++);
            }
        }
        if (length > data.length - p) {
            throw new MalformedDocumentException("TLV length " + length + " runs past the end of the data");
        }
        return new Tlv(tag, p, length);
    }

    private static int byteAt(byte[] data, int index) {
        if (index >= data.length) {
            throw new MalformedDocumentException("data ends inside a TLV header");
        }
        return data[index] & 0xFF;
    }
}
