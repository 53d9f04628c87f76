package dev.proofdesk.passport.emulator;

import dev.proofdesk.passport.chip.AccessKey;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.macs.ISO9797Alg3Mac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.jmrtd.Util;

/**
 * The chip side of Basic Access Control (ICAO 9303 part 11 §4.3): GET CHALLENGE, then
 * EXTERNAL AUTHENTICATE (mutual authenticate) with keys derived from the MRZ, ending in 3DES
 * secure messaging with SSC = RND.IC[4..8] || RND.IFD[4..8].
 */
final class BacResponder {
    private final byte[] kEnc;
    private final byte[] kMac;
    private final SecureRandom random;
    private byte[] rndIc;

    BacResponder(String documentNumber, String dateOfBirth, String dateOfExpiry, SecureRandom random) {
        this.random = random;
        try {
            String number = new AccessKey.Mrz(documentNumber, dateOfBirth, dateOfExpiry).documentNumberField();
            byte[] seed = Util.computeKeySeed(number, dateOfBirth, dateOfExpiry, "SHA-1", true);
            this.kEnc = Util.deriveKey(seed, Util.ENC_MODE).getEncoded();
            this.kMac = Util.deriveKey(seed, Util.MAC_MODE).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("3DES key derivation is unavailable", e);
        }
    }

    Reply getChallenge(CommandApdu c) {
        if (c.ne() != 8) {
            return Reply.of(Sw.WRONG_LENGTH);
        }
        rndIc = new byte[8];
        random.nextBytes(rndIc);
        return Reply.ok(rndIc.clone());
    }

    Reply mutualAuthenticate(CommandApdu c) {
        byte[] expectedIc = rndIc;
        rndIc = null;
        if (expectedIc == null) {
            return Reply.of(Sw.CONDITIONS_NOT_SATISFIED);
        }
        if (c.data().length != 40) {
            return Reply.of(Sw.WRONG_LENGTH);
        }
        byte[] eIfd = Arrays.copyOf(c.data(), 32);
        byte[] mIfd = Arrays.copyOfRange(c.data(), 32, 40);
        if (!MessageDigest.isEqual(retailMac(eIfd), mIfd)) {
            return Reply.of(Sw.AUTHENTICATION_FAILED);
        }
        byte[] s = cbc(false, eIfd);
        byte[] rndIfd = Arrays.copyOf(s, 8);
        if (!MessageDigest.isEqual(Arrays.copyOfRange(s, 8, 16), expectedIc)) {
            return Reply.of(Sw.AUTHENTICATION_FAILED);
        }
        byte[] kIfd = Arrays.copyOfRange(s, 16, 32);
        byte[] kIc = new byte[16];
        random.nextBytes(kIc);
        byte[] r = new byte[32];
        System.arraycopy(expectedIc, 0, r, 0, 8);
        System.arraycopy(rndIfd, 0, r, 8, 8);
        System.arraycopy(kIc, 0, r, 16, 16);
        byte[] eIc = cbc(true, r);
        byte[] answer = Arrays.copyOf(eIc, 40);
        System.arraycopy(retailMac(eIc), 0, answer, 32, 8);

        byte[] seed = new byte[16];
        for (int i = 0; i < 16; i++) {
            seed[i] = (byte) (kIfd[i] ^ kIc[i]);
        }
        byte[] ssc = new byte[8];
        System.arraycopy(expectedIc, 4, ssc, 0, 4);
        System.arraycopy(rndIfd, 4, ssc, 4, 4);
        try {
            SecureChannel channel = SecureChannel.tripleDes(Util.deriveKey(seed, Util.ENC_MODE).getEncoded(),
                    Util.deriveKey(seed, Util.MAC_MODE).getEncoded(), ssc);
            return new Reply(answer, Sw.OK, channel);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("3DES key derivation is unavailable", e);
        }
    }

    private byte[] cbc(boolean encrypt, byte[] input) {
        CBCModeCipher cipher = CBCBlockCipher.newInstance(new DESedeEngine());
        cipher.init(encrypt, new ParametersWithIV(new KeyParameter(kEnc), new byte[8]));
        byte[] out = new byte[input.length];
        for (int i = 0; i < input.length; i += 8) {
            cipher.processBlock(input, i, out, i);
        }
        return out;
    }

    /** ISO/IEC 9797-1 MAC algorithm 3 over the input padded with method 2. */
    private byte[] retailMac(byte[] input) {
        byte[] padded = Arrays.copyOf(input, (input.length / 8 + 1) * 8);
        padded[input.length] = (byte) 0x80;
        ISO9797Alg3Mac mac = new ISO9797Alg3Mac(new DESEngine());
        mac.init(new KeyParameter(kMac));
        mac.update(padded, 0, padded.length);
        byte[] out = new byte[8];
        mac.doFinal(out, 0);
        return out;
    }
}
