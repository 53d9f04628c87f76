package dev.proofdesk.passport.emulator;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Mac;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.macs.ISO9797Alg3Mac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The card side of ICAO 9303 part 11 §9.8 secure messaging: checks and opens protected
 * commands, protects responses. 3DES (BAC, 3DES PACE/CA) with a zero IV and the retail MAC,
 * or AES with the IV {@code E(KSenc, SSC)} and CMAC; MACs are eight bytes over the padded
 * SSC, header and data objects. The send sequence counter counts every protected command and
 * response. Not thread-safe: one per chip session.
 */
final class SecureChannel {

    /** The protected command is malformed or its MAC is wrong; the chip ends secure messaging. */
    static final class SmError extends Exception {
        final int sw;

        SmError(int sw) {
            super(String.format("%04X", sw));
            this.sw = sw;
        }
    }

    private final boolean aes;
    private final byte[] kEnc;
    private final byte[] kMac;
    private final byte[] ssc;

    private SecureChannel(boolean aes, byte[] kEnc, byte[] kMac, byte[] ssc) {
        this.aes = aes;
        this.kEnc = kEnc.clone();
        this.kMac = kMac.clone();
        this.ssc = ssc.clone();
    }

    static SecureChannel tripleDes(byte[] kEnc, byte[] kMac, byte[] ssc8) {
        return new SecureChannel(false, kEnc, kMac, ssc8);
    }

    static SecureChannel aes(byte[] kEnc, byte[] kMac) {
        return new SecureChannel(true, kEnc, kMac, new byte[16]);
    }

    static SecureChannel of(String cipher, byte[] kEnc, byte[] kMac) {
        return cipher.startsWith("AES") ? aes(kEnc, kMac) : tripleDes(kEnc, kMac, new byte[8]);
    }

    int blockSize() {
        return aes ? 16 : 8;
    }

    /** Checks the MAC of a protected command and returns it in plain form. */
    CommandApdu open(CommandApdu command) throws SmError {
        increment();
        if ((command.cla() & 0x0C) != 0x0C) {
            throw new SmError(Sw.SM_DATA_OBJECTS_MISSING);
        }
        byte[] data = command.data();
        int at = 0;
        byte[] cryptogram = null;
        boolean odd = false;
        byte[] le = null;
        byte[] mac = null;
        int macInputEnd = 0;
        try {
            while (at < data.length) {
                int tag = data[at] & 0xFF;
                int[] lengthAt = length(data, at + 1);
                int valueAt = lengthAt[1];
                int end = valueAt + lengthAt[0];
                if (end > data.length) {
                    throw new SmError(Sw.SM_DATA_OBJECTS_INCORRECT);
                }
                byte[] value = Arrays.copyOfRange(data, valueAt, end);
                switch (tag) {
                    case 0x87 -> {
                        if (value.length < 1 || value[0] != 0x01) {
                            throw new SmError(Sw.SM_DATA_OBJECTS_INCORRECT);
                        }
                        cryptogram = Arrays.copyOfRange(value, 1, value.length);
                    }
                    case 0x85 -> {
                        cryptogram = value;
                        odd = true;
                    }
                    case 0x97 -> le = value;
                    case 0x8E -> mac = value;
                    default -> throw new SmError(Sw.SM_DATA_OBJECTS_INCORRECT);
                }
                if (tag != 0x8E) {
                    macInputEnd = end;
                }
                at = end;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new SmError(Sw.SM_DATA_OBJECTS_INCORRECT);
        }
        if (mac == null) {
            throw new SmError(Sw.SM_DATA_OBJECTS_MISSING);
        }
        ByteArrayOutputStream macInput = new ByteArrayOutputStream();
        macInput.writeBytes(ssc);
        macInput.writeBytes(pad(new byte[] {(byte) command.cla(), (byte) command.ins(), (byte) command.p1(), (byte) command.p2()}));
        macInput.write(data, 0, macInputEnd);
        byte[] expected = mac(macInputEnd > 0 ? pad(macInput.toByteArray()) : macInput.toByteArray());
        if (!MessageDigest.isEqual(expected, mac)) {
            throw new SmError(Sw.SM_DATA_OBJECTS_INCORRECT);
        }
        byte[] plain = new byte[0];
        if (cryptogram != null) {
            if (cryptogram.length == 0 || cryptogram.length % blockSize() != 0) {
                throw new SmError(Sw.SM_DATA_OBJECTS_INCORRECT);
            }
            plain = unpad(cbc(false, cryptogram));
        }
        int ne = 0;
        if (le != null) {
            int value = le.length == 1 ? le[0] & 0xFF : ((le[0] & 0xFF) << 8) | (le[1] & 0xFF);
            ne = value == 0 ? (le.length == 1 ? 256 : 65536) : value;
        }
        // The plain command keeps the outer length class: extended outside means the reader takes long answers.
        return new CommandApdu(command.cla() & ~0x0C, command.ins(), command.p1(), command.p2(), plain, ne,
                command.extended() || (le != null && le.length == 2));
    }

    /** Protects a response: [DO'87' or DO'85'] DO'99' DO'8E', then {@code 9000}. */
    byte[] protect(byte[] data, int sw, boolean odd) {
        increment();
        ByteArrayOutputStream dos = new ByteArrayOutputStream();
        if (data.length > 0) {
            byte[] cryptogram = cbc(true, pad(data));
            dos.write(odd ? 0x85 : 0x87);
            dos.writeBytes(encodeLength(cryptogram.length + (odd ? 0 : 1)));
            if (!odd) {
                dos.write(0x01);
            }
            dos.writeBytes(cryptogram);
        }
        dos.writeBytes(new byte[] {(byte) 0x99, 0x02, (byte) (sw >> 8), (byte) sw});
        ByteArrayOutputStream macInput = new ByteArrayOutputStream();
        macInput.writeBytes(ssc);
        macInput.writeBytes(dos.toByteArray());
        byte[] mac = mac(pad(macInput.toByteArray()));
        dos.writeBytes(new byte[] {(byte) 0x8E, 0x08});
        dos.writeBytes(mac);
        return Sw.with(dos.toByteArray(), Sw.OK);
    }

    private void increment() {
        for (int i = ssc.length - 1; i >= 0; i--) {
            if (++ssc[i] != 0) {
                return;
            }
        }
    }

    private byte[] cbc(boolean encrypt, byte[] input) {
        byte[] iv = new byte[blockSize()];
        if (aes) {
            BlockCipher ecb = AESEngine.newInstance();
            ecb.init(true, new KeyParameter(kEnc));
            ecb.processBlock(ssc, 0, iv, 0);
        }
        CBCModeCipher cipher = CBCBlockCipher.newInstance(aes ? AESEngine.newInstance() : new DESedeEngine());
        cipher.init(encrypt, new ParametersWithIV(new KeyParameter(kEnc), iv));
        byte[] out = new byte[input.length];
        for (int i = 0; i < input.length; i += blockSize()) {
            cipher.processBlock(input, i, out, i);
        }
        return out;
    }

    private byte[] mac(byte[] paddedInput) {
        Mac mac = aes ? new CMac(AESEngine.newInstance(), 64) : new ISO9797Alg3Mac(new DESEngine());
        mac.init(new KeyParameter(kMac));
        mac.update(paddedInput, 0, paddedInput.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return Arrays.copyOf(out, 8);
    }

    /** ISO/IEC 7816-4 padding: {@code 80} then zeros up to the block size. */
    byte[] pad(byte[] input) {
        int length = (input.length / blockSize() + 1) * blockSize();
        byte[] out = Arrays.copyOf(input, length);
        out[input.length] = (byte) 0x80;
        return out;
    }

    private static byte[] unpad(byte[] padded) throws SmError {
        int i = padded.length - 1;
        while (i >= 0 && padded[i] == 0) {
            i--;
        }
        if (i < 0 || padded[i] != (byte) 0x80) {
            throw new SmError(Sw.SM_DATA_OBJECTS_INCORRECT);
        }
        return Arrays.copyOf(padded, i);
    }

    /** @return {length, offset of the value} of a BER length at {@code at} */
    static int[] length(byte[] b, int at) {
        int first = b[at] & 0xFF;
        if (first < 0x80) {
            return new int[] {first, at + 1};
        }
        int count = first & 0x7F;
        if (count == 0 || count > 3) {
            throw new ArrayIndexOutOfBoundsException("unsupported length form");
        }
        int length = 0;
        for (int i = 1; i <= count; i++) {
            length = (length << 8) | (b[at + i] & 0xFF);
        }
        return new int[] {length, at + 1 + count};
    }

    static byte[] encodeLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
}
