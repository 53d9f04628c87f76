package dev.proofdesk.passport.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.interfaces.DHPrivateKey;
import org.jmrtd.Util;
import org.jmrtd.lds.ChipAuthenticationInfo;
import org.jmrtd.lds.icao.DG14File;
import org.jmrtd.protocol.PACEProtocol;

/**
 * The chip side of Chip Authentication version 1 (ICAO 9303 part 11 §6.2, BSI TR-03110):
 * the terminal sends an ephemeral ECDH or DH key, either with MSE:Set KAT (3DES) or with MSE:Set AT
 * then GENERAL AUTHENTICATE (AES); the chip agrees a secret with its private key, answers under
 * the old secure messaging keys, and switches to keys derived from that secret. A chip whose
 * private key does not match DG14 (a clone) derives other keys and cannot answer any more.
 */
final class ChipAuthResponder {
    private final PrivateKey key;
    private final int keyId;
    private final String aesProtocol;
    private boolean templateSet;

    /** @param dg14 the chip's DG14, whose ChipAuthenticationInfo names the AES protocol (or null: 3DES only) */
    ChipAuthResponder(byte[] keyPkcs8, int keyId, byte[] dg14) {
        this.key = privateKey(keyPkcs8);
        this.keyId = keyId;
        this.aesProtocol = aesProtocol(dg14);
    }

    /** MSE:Set KAT (P1P2 {@code 41A6}): 3DES Chip Authentication in one command. */
    Reply keyAgreementTemplate(CommandApdu c) throws GeneralSecurityException {
        Map<Integer, byte[]> objects = DataObjects.parse(c.data());
        if (!objects.containsKey(0x91) || !keyIdMatches(objects.get(0x84))) {
            return Reply.of(Sw.REFERENCED_DATA_NOT_FOUND);
        }
        return agree(objects.get(0x91), "DESede", 128, Reply.NONE);
    }

    /** MSE:Set AT (P1P2 {@code 41A4}) naming the AES protocol. */
    Reply setAuthenticationTemplate(CommandApdu c) {
        templateSet = false;
        Map<Integer, byte[]> objects = DataObjects.parse(c.data());
        byte[] protocol = objects.get(0x80);
        if (protocol == null || aesProtocol == null
                || !Arrays.equals(protocol, PaceResponder.oidContents(aesProtocol)) || !keyIdMatches(objects.get(0x84))) {
            return Reply.of(Sw.REFERENCED_DATA_NOT_FOUND);
        }
        templateSet = true;
        return Reply.of(Sw.OK);
    }

    boolean awaitingKey() {
        return templateSet;
    }

    /** GENERAL AUTHENTICATE with the terminal's ephemeral key in data object {@code 80}. */
    Reply generalAuthenticate(CommandApdu c) throws GeneralSecurityException {
        templateSet = false;
        byte[] terminalKey = DataObjects.unwrap(0x80, DataObjects.unwrap(0x7C, c.data()));
        return agree(terminalKey, ChipAuthenticationInfo.toCipherAlgorithm(aesProtocol),
                ChipAuthenticationInfo.toKeyLength(aesProtocol), DataObjects.wrap(0x7C, Reply.NONE));
    }

    private Reply agree(byte[] terminalKey, String cipher, int keyLength, byte[] answer) throws GeneralSecurityException {
        boolean ec = key instanceof ECPrivateKey;
        PublicKey terminal;
        try {
            terminal = PACEProtocol.decodePublicKeyFromSmartCard(terminalKey,
                    ec ? ((ECPrivateKey) key).getParams() : ((DHPrivateKey) key).getParams());
        } catch (RuntimeException e) {
            return Reply.of(Sw.WRONG_DATA);
        }
        KeyAgreement agreement = KeyAgreement.getInstance(ec ? "ECDH" : "DH", Util.getBouncyCastleProvider());
        agreement.init(key);
        agreement.doPhase(terminal, true);
        byte[] secret = agreement.generateSecret();
        SecretKey kEnc = Util.deriveKey(secret, cipher, keyLength, Util.ENC_MODE);
        SecretKey kMac = Util.deriveKey(secret, cipher, keyLength, Util.MAC_MODE);
        return new Reply(answer, Sw.OK, SecureChannel.of(cipher, kEnc.getEncoded(), kMac.getEncoded()));
    }

    /** The chip's PKCS#8 key: EC (ECDH) or DH. */
    static PrivateKey privateKey(byte[] pkcs8) {
        for (String algorithm : new String[] {"EC", "DH"}) {
            try {
                return KeyFactory.getInstance(algorithm, Util.getBouncyCastleProvider())
                        .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException | RuntimeException e) {
                // Try the other kind.
            }
        }
        throw new IllegalArgumentException("the Chip Authentication key is neither an EC nor a DH PKCS#8 key");
    }

    private boolean keyIdMatches(byte[] reference) {
        return reference == null ? true : keyId >= 0 && new BigInteger(1, reference).intValue() == keyId;
    }

    private static String aesProtocol(byte[] dg14) {
        if (dg14 == null) {
            return null;
        }
        try {
            for (ChipAuthenticationInfo info : new DG14File(new ByteArrayInputStream(dg14)).getChipAuthenticationInfos()) {
                if ("AES".equals(ChipAuthenticationInfo.toCipherAlgorithm(info.getObjectIdentifier()))) {
                    return info.getObjectIdentifier();
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("DG14 is unreadable", e);
        }
    }
}
