package dev.proofdesk.passport.emulator;

import dev.proofdesk.passport.chip.AccessKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.interfaces.DHPrivateKey;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import org.jmrtd.AccessKeySpec;
import org.jmrtd.BACKey;
import org.jmrtd.PACEKeySpec;
import org.jmrtd.Util;
import org.jmrtd.lds.CardAccessFile;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.protocol.PACEProtocol;

/**
 * The chip side of PACE with generic mapping (ICAO 9303 part 11 §4.4), on elliptic curves (ECDH)
 * or on a MODP group (DH), with AES or 3DES secure messaging after it: MSE:Set AT names the
 * protocol and the password (MRZ or CAN), then four GENERAL AUTHENTICATE steps: encrypted nonce,
 * mapping, ephemeral key agreement, authentication tokens. A wrong token (a wrong password on the
 * terminal's side) answers {@code 6300}.
 */
final class PaceResponder {
    private static final int MRZ = 1;
    private static final int CAN = 2;

    private final String oid;
    private final boolean ec;
    private final AlgorithmParameterSpec params;
    private final String cipher;
    private final int keyLength;
    private final AccessKeySpec mrzKey;
    private final AccessKeySpec canKey;
    private final SecureRandom random;

    private int step = -1;
    private SecretKey passwordKey;
    private byte[] nonce;
    private AlgorithmParameterSpec ephemeral;
    private KeyPair chipEphemeral;
    private PublicKey terminalEphemeral;

    PaceResponder(byte[] cardAccess, ChipImage image, SecureRandom random) {
        PACEInfo info = paceInfo(cardAccess);
        this.oid = info.getObjectIdentifier();
        String mapping = oid.substring(0, oid.lastIndexOf('.'));
        if (!SecurityInfo.ID_PACE_ECDH_GM.equals(mapping) && !SecurityInfo.ID_PACE_DH_GM.equals(mapping)) {
            throw new IllegalArgumentException("the emulator runs PACE with generic mapping only, not " + oid);
        }
        this.ec = SecurityInfo.ID_PACE_ECDH_GM.equals(mapping);
        this.params = PACEInfo.toParameterSpec(info.getParameterId());
        this.cipher = PACEInfo.toCipherAlgorithm(oid);
        this.keyLength = PACEInfo.toKeyLength(oid);
        this.random = random;
        try {
            String number = new AccessKey.Mrz(image.documentNumber(), image.dateOfBirth(), image.dateOfExpiry())
                    .documentNumberField();
            this.mrzKey = PACEKeySpec.createMRZKey(new BACKey(number, image.dateOfBirth(), image.dateOfExpiry()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PACE key derivation is unavailable", e);
        }
        this.canKey = PACEKeySpec.createCANKey(image.can());
    }

    boolean inProgress() {
        return step >= 0;
    }

    /** MSE:Set AT (P1P2 {@code C1A4}). */
    Reply setAuthenticationTemplate(CommandApdu c) {
        step = -1;
        Map<Integer, byte[]> objects = DataObjects.parse(c.data());
        byte[] protocol = objects.get(0x80);
        byte[] reference = objects.get(0x83);
        if (protocol == null || reference == null || reference.length != 1) {
            return Reply.of(Sw.WRONG_DATA);
        }
        if (!Arrays.equals(protocol, oidContents(oid))) {
            return Reply.of(Sw.REFERENCED_DATA_NOT_FOUND);
        }
        AccessKeySpec password = switch (reference[0]) {
            case MRZ -> mrzKey;
            case CAN -> canKey;
            default -> null;
        };
        if (password == null) {
            return Reply.of(Sw.REFERENCED_DATA_NOT_FOUND);
        }
        try {
            passwordKey = PACEProtocol.deriveStaticPACEKey(password, oid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PACE key derivation is unavailable", e);
        }
        step = 0;
        return Reply.of(Sw.OK);
    }

    /** One GENERAL AUTHENTICATE of the chain. */
    Reply generalAuthenticate(CommandApdu c) throws GeneralSecurityException {
        byte[] data = DataObjects.unwrap(0x7C, c.data());
        boolean last = step == 3;
        if (step < 0 || c.chained() == last) {
            step = -1;
            return Reply.of(Sw.CONDITIONS_NOT_SATISFIED);
        }
        Reply reply = switch (step) {
            case 0 -> encryptedNonce(data);
            case 1 -> mapping(DataObjects.unwrap(0x81, data));
            case 2 -> keyAgreement(DataObjects.unwrap(0x83, data));
            default -> tokens(DataObjects.unwrap(0x85, data));
        };
        step = reply.sw() == Sw.OK && !last ? step + 1 : -1;
        return reply;
    }

    private Reply encryptedNonce(byte[] data) throws GeneralSecurityException {
        if (data.length != 0) {
            return Reply.of(Sw.WRONG_DATA);
        }
        Cipher c = Cipher.getInstance(cipher + "/CBC/NoPadding");
        nonce = new byte[c.getBlockSize()];
        random.nextBytes(nonce);
        c.init(Cipher.ENCRYPT_MODE, passwordKey, new IvParameterSpec(new byte[c.getBlockSize()]));
        return Reply.ok(dynamic(0x80, c.doFinal(nonce)));
    }

    /** The generator becomes {@code s·G + H} (ECDH) or {@code g^s·h mod p} (DH), H the mapping keys' shared secret. */
    private Reply mapping(byte[] terminalMappingKey) throws GeneralSecurityException {
        PublicKey terminal = PACEProtocol.decodePublicKeyFromSmartCard(terminalMappingKey, params);
        KeyPair chip = generate(params);
        if (ec) {
            ECParameterSpec curve = (ECParameterSpec) params;
            ECPoint shared = Util.multiply(((ECPrivateKey) chip.getPrivate()).getS(), ((ECPublicKey) terminal).getW(), curve);
            ephemeral = PACEProtocol.mapNonceGMWithECDH(nonce, shared, curve);
        } else {
            DHParameterSpec group = (DHParameterSpec) params;
            BigInteger shared = ((DHPublicKey) terminal).getY().modPow(((DHPrivateKey) chip.getPrivate()).getX(), group.getP());
            ephemeral = PACEProtocol.mapNonceGMWithDH(nonce, shared, group);
        }
        return Reply.ok(dynamic(0x82, PACEProtocol.encodePublicKeyForSmartCard(chip.getPublic())));
    }

    private Reply keyAgreement(byte[] terminalKey) throws GeneralSecurityException {
        terminalEphemeral = PACEProtocol.decodePublicKeyFromSmartCard(terminalKey, ephemeral);
        chipEphemeral = generate(ephemeral);
        byte[] chipKey = PACEProtocol.encodePublicKeyForSmartCard(chipEphemeral.getPublic());
        if (Arrays.equals(chipKey, terminalKey)) {
            return Reply.of(Sw.WRONG_DATA);
        }
        return Reply.ok(dynamic(0x84, chipKey));
    }

    private Reply tokens(byte[] terminalToken) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance(ec ? "ECDH" : "DH", Util.getBouncyCastleProvider());
        agreement.init(chipEphemeral.getPrivate());
        agreement.doPhase(terminalEphemeral, true);
        byte[] secret = agreement.generateSecret();
        SecretKey kEnc = Util.deriveKey(secret, cipher, keyLength, Util.ENC_MODE);
        SecretKey kMac = Util.deriveKey(secret, cipher, keyLength, Util.MAC_MODE);
        byte[] expected = PACEProtocol.generateAuthenticationToken(oid, kMac, chipEphemeral.getPublic());
        if (!MessageDigest.isEqual(expected, terminalToken)) {
            return Reply.of(Sw.AUTHENTICATION_FAILED);
        }
        byte[] chipToken = PACEProtocol.generateAuthenticationToken(oid, kMac, terminalEphemeral);
        return new Reply(dynamic(0x86, chipToken), Sw.OK, SecureChannel.of(cipher, kEnc.getEncoded(), kMac.getEncoded()));
    }

    private KeyPair generate(AlgorithmParameterSpec spec) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ec ? "EC" : "DH", Util.getBouncyCastleProvider());
        generator.initialize(spec, random);
        return generator.generateKeyPair();
    }

    private static byte[] dynamic(int tag, byte[] value) {
        return DataObjects.wrap(0x7C, DataObjects.wrap(tag, value));
    }

    /** The content octets of an object identifier, as data object {@code 80} carries them. */
    static byte[] oidContents(String oid) {
        try {
            byte[] der = new org.bouncycastle.asn1.ASN1ObjectIdentifier(oid).getEncoded();
            return Arrays.copyOfRange(der, 2, der.length);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }

    private static PACEInfo paceInfo(byte[] cardAccess) {
        try {
            for (SecurityInfo info : new CardAccessFile(new ByteArrayInputStream(cardAccess)).getSecurityInfos()) {
                if (info instanceof PACEInfo pace) {
                    return pace;
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("EF.CardAccess is unreadable", e);
        }
        throw new IllegalArgumentException("EF.CardAccess announces no PACE protocol");
    }
}
