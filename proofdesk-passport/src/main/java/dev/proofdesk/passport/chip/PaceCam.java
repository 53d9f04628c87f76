package dev.proofdesk.passport.chip;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import org.jmrtd.protocol.PACECAMResult;
import org.jmrtd.protocol.PACEGMMappingResult;
import org.jmrtd.protocol.PACEProtocol;

/**
 * The terminal's half of PACE-CAM (ICAO 9303 part 11 §4.4.3.5): after the authentication tokens
 * the chip sends {@code A = E(KSenc, CA)}, AES-CBC with the IV {@code E(KSenc, -1)}; the terminal
 * decrypts it and hands it, with the chip's mapping key, to the verifier, which checks it against
 * EF.CardSecurity. JMRTD decrypts {@code A} too, but with {@code -1} itself as the IV, which
 * garbles the first block; so the data is decrypted here again from the encrypted bytes.
 */
final class PaceCam {
    private static final int BLOCK = 16;

    private PaceCam() {
    }

    /** The chip's proof, or a failed proof when the chip sent no usable data. */
    static ChipProof proof(PACECAMResult result) {
        byte[] encrypted = result.getEncryptedChipAuthenticationData();
        if (encrypted == null || encrypted.length == 0 || encrypted.length % BLOCK != 0
                || !(result.getMappingResult() instanceof PACEGMMappingResult mapping)) {
            return new ChipProof.ChipAuthenticationFailed("the chip offered PACE-CAM but sent no chip authentication data");
        }
        byte[] data = decrypt(result.getWrapper().getEncryptionKey(), encrypted);
        if (data == null) {
            return new ChipProof.ChipAuthenticationFailed("the chip's PACE-CAM data is not padded as the protocol requires");
        }
        try {
            return new ChipProof.PaceChipAuthenticated(
                    PACEProtocol.encodePublicKeyForSmartCard(mapping.getPICCMappingPublicKey()), data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the chip's mapping key cannot be encoded", e);
        }
    }

    /** {@code CA} from {@code A}; null when the padding is wrong (not the chip's session keys). */
    static byte[] decrypt(SecretKey ksEnc, byte[] encrypted) {
        try {
            Cipher block = Cipher.getInstance("AES/ECB/NoPadding");
            block.init(Cipher.ENCRYPT_MODE, ksEnc);
            byte[] minusOne = new byte[BLOCK];
            Arrays.fill(minusOne, (byte) 0xFF);
            Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
            cbc.init(Cipher.DECRYPT_MODE, ksEnc, new IvParameterSpec(block.doFinal(minusOne)));
            return unpad(cbc.doFinal(encrypted));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is unavailable", e);
        }
    }

    /** ISO/IEC 9797-1 padding method 2: {@code 80} then zeros. */
    private static byte[] unpad(byte[] padded) {
        int i = padded.length - 1;
        while (i >= 0 && padded[i] == 0) {
            i--;
        }
        return i > 0 && padded[i] == (byte) 0x80 ? Arrays.copyOf(padded, i) : null;
    }
}
