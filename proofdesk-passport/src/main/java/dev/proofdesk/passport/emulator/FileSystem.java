package dev.proofdesk.passport.emulator;

import java.util.Arrays;
import java.util.Map;

/**
 * The chip's files: EF.CardAccess and EF.CardSecurity in the master file, EF.COM, EF.SOD and the
 * data groups in the eMRTD application (ICAO 9303 part 10). EF.CardSecurity and EF.SOD share the
 * file identifier {@code 011D}; which one it names depends on the selected application. SELECT by AID and by file identifier, READ BINARY with
 * an offset, a short file identifier, or (odd INS {@code B1}) an offset data object.
 */
final class FileSystem {
    static final byte[] EMRTD_AID = {(byte) 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};
    private static final int MF = 0x3F00;

    private final Map<Integer, byte[]> files;
    private boolean appletSelected;
    private int selected = -1;

    FileSystem(Map<Integer, byte[]> files) {
        this.files = files;
    }

    boolean appletSelected() {
        return appletSelected;
    }

    /** Back to the master file, as after a reset. */
    void reset() {
        appletSelected = false;
        selected = -1;
    }

    Reply select(CommandApdu c, boolean accessGranted) {
        switch (c.p1()) {
            case 0x04 -> {
                if (!Arrays.equals(c.data(), EMRTD_AID)) {
                    return Reply.of(Sw.FILE_NOT_FOUND);
                }
                appletSelected = true;
                selected = -1;
                return Reply.of(Sw.OK);
            }
            case 0x00, 0x02 -> {
                if (c.data().length == 0 || c.data().length == 2 && fid(c.data()) == MF) {
                    reset();
                    return Reply.of(Sw.OK);
                }
                if (c.data().length != 2) {
                    return Reply.of(Sw.WRONG_DATA);
                }
                int fid = inCurrentDirectory(fid(c.data()));
                if (!visible(fid)) {
                    return Reply.of(Sw.FILE_NOT_FOUND);
                }
                if (!readable(fid, accessGranted)) {
                    return Reply.of(Sw.SECURITY_STATUS_NOT_SATISFIED);
                }
                selected = fid;
                return Reply.of(Sw.OK);
            }
            default -> {
                return Reply.of(Sw.INCORRECT_P1P2);
            }
        }
    }

    Reply readBinary(CommandApdu c, boolean accessGranted) {
        int fid;
        int offset;
        if (c.ins() == 0xB1) {
            if (c.p1() != 0 || c.p2() != 0) {
                return Reply.of(Sw.INCORRECT_P1P2);
            }
            byte[] offsetObject = DataObjects.unwrap(0x54, c.data());
            if (offsetObject.length == 0 || offsetObject.length > 3) {
                return Reply.of(Sw.WRONG_DATA);
            }
            offset = new java.math.BigInteger(1, offsetObject).intValue();
            fid = selected;
        } else if ((c.p1() & 0x80) != 0) {
            if ((c.p1() & 0x60) != 0) {
                return Reply.of(Sw.INCORRECT_P1P2);
            }
            fid = inCurrentDirectory(byShortId(c.p1() & 0x1F));
            offset = c.p2();
            if (fid < 0 || !visible(fid)) {
                return Reply.of(Sw.FILE_NOT_FOUND);
            }
            if (!readable(fid, accessGranted)) {
                return Reply.of(Sw.SECURITY_STATUS_NOT_SATISFIED);
            }
            selected = fid;
        } else {
            fid = selected;
            offset = (c.p1() << 8) | c.p2();
        }
        if (fid < 0) {
            return Reply.of(Sw.CONDITIONS_NOT_SATISFIED);
        }
        if (!readable(fid, accessGranted)) {
            return Reply.of(Sw.SECURITY_STATUS_NOT_SATISFIED);
        }
        byte[] file = files.get(fid);
        if (offset > file.length) {
            return Reply.of(Sw.WRONG_P1P2);
        }
        int wanted = c.ne() == 0 ? 256 : c.ne();
        int left = file.length - offset;
        int length = Math.min(wanted, left);
        if (c.ins() == 0xB1) {
            // The answer is wrapped in a '53' data object, whose header counts against Le.
            for (int header = 2; header <= 4; header++) {
                length = Math.min(wanted - header, left);
                if (length < (header == 2 ? 0x80 : header == 3 ? 0x100 : 0x10000)) {
                    break;
                }
            }
            if (length < 0) {
                return Reply.of(Sw.WRONG_LENGTH);
            }
        }
        byte[] chunk = Arrays.copyOfRange(file, offset, offset + length);
        byte[] data = c.ins() == 0xB1 ? DataObjects.wrap(0x53, chunk) : chunk;
        return new Reply(data, data.length < wanted && length == left ? Sw.END_OF_FILE : Sw.OK, null);
    }

    private boolean visible(int fid) {
        if (!files.containsKey(fid)) {
            return false;
        }
        return appletSelected != (fid == ChipImage.EF_CARD_ACCESS || fid == ChipImage.EF_CARD_SECURITY);
    }

    /** {@code 011D} is EF.SOD in the application and EF.CardSecurity in the master file. */
    private int inCurrentDirectory(int fid) {
        return fid == ChipImage.EF_SOD && !appletSelected ? ChipImage.EF_CARD_SECURITY : fid;
    }

    /** EF.CardAccess is free to read: it tells the terminal how to open the chip. */
    private static boolean readable(int fid, boolean accessGranted) {
        return accessGranted || fid == ChipImage.EF_CARD_ACCESS;
    }

    private static int byShortId(int sfi) {
        return switch (sfi) {
            case 0x1C -> ChipImage.EF_CARD_ACCESS;
            case 0x1D -> ChipImage.EF_SOD;
            case 0x1E -> ChipImage.EF_COM;
            default -> sfi >= 1 && sfi <= 16 ? ChipImage.dataGroupFid(sfi) : -1;
        };
    }

    private static int fid(byte[] b) {
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }
}
