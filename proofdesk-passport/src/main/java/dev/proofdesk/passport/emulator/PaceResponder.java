package dev.proofdesk.passport.emulator;

import dev.proofdesk.passport.chip.AccessKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * or on a MODP group (DH), with AES or 3DES secure messaging after it, and with chip
 * authentication mapping (PACE-CAM): MSE:Set AT names one of the protocols EF.CardAccess offers
 * and the password (MRZ or CAN), then four GENERAL AUTHENTICATE steps: encrypted nonce, mapping,
 * ephemeral key agreement, authentication tokens (with PACE-CAM also the chip authentication
 * data). A wrong token (a wrong password on the terminal's side) answers {@code 6300}.
 */
final class PaceResponder {
    private static final int MRZ = 1;
    private static final int CAN = 2;

    /** One protocol EF.CardAccess offers; {@code cam}: chip authentication mapping. */
    private record Protocol(String oid, boolean ec, boolean cam, AlgorithmParameterSpec params, String cipher, int keyLength) {
        static Protocol of(PACEInfo info) {
            String oid = info.getObjectIdentifier();
            String mapping = oid.substring(0, oid.lastIndexOf('.'));
            boolean cam = SecurityInfo.ID_PACE_ECDH_CAM.equals(mapping);
            if (!SecurityInfo.ID_PACE_ECDH_GM.equals(mapping) && !SecurityInfo.ID_PACE_DH_GM.equals(mapping) && !cam) {
                throw new IllegalArgumentException("the emulator runs PACE with generic or chip authentication mapping only, not "
                        + oid);
            }
            return new Protocol(oid, !SecurityInfo.ID_PACE_DH_GM.equals(mapping), cam,
                    PACEInfo.toParameterSpec(info.getParameterId()), PACEInfo.toCipherAlgorithm(oid), PACEInfo.toKeyLength(oid));
        }
    }

    private final List<Protocol> offered;
    private final PrivateKey chipAuthenticationKey;
    private final AccessKeySpec mrzKey;
    private final AccessKeySpec canKey;
    private final SecureRandom random;

    private Protocol protocol;
    private int step = -1;
    private SecretKey passwordKey;
    private PrivateKey chipMappingKey;
    private byte[] nonce;
    private AlgorithmParameterSpec ephemeral;
    private KeyPair chipEphemeral;
    private PublicKey terminalEphemeral;

    /** @param chipAuthenticationKey the chip's EC Chip Authentication key, which PACE-CAM proves; null without one */
    PaceResponder(byte[] cardAccess, ChipImage image, PrivateKey chipAuthenticationKey, SecureRandom random) {
        this.offered = paceInfos(cardAccess).stream().map(Protocol::of)
                .filter(p -> !p.cam() || chipAuthenticationKey instanceof ECPrivateKey).toList();
        this.chipAuthenticationKey = chipAuthenticationKey;
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
        byte[] requested = objects.get(0x80);
        byte[] reference = objects.get(0x83);
        if (requested == null || reference == null || reference.length != 1) {
            return Reply.of(Sw.WRONG_DATA);
        }
        protocol = offered.stream().filter(p -> Arrays.equals(requested, oidContents(p.oid()))).findFirst().orElse(null);
        if (protocol == null) {
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
            passwordKey = PACEProtocol.deriveStaticPACEKey(password, protocol.oid());
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
        Cipher c = Cipher.getInstance(protocol.cipher() + "/CBC/NoPadding");
        nonce = new byte[c.getBlockSize()];
        random.nextBytes(nonce);
        c.init(Cipher.ENCRYPT_MODE, passwordKey, new IvParameterSpec(new byte[c.getBlockSize()]));
        return Reply.ok(dynamic(0x80, c.doFinal(nonce)));
    }

    /** The generator becomes {@code s·G + H} (ECDH) or {@code g^s·h mod p} (DH), H the mapping keys' shared secret. */
    private Reply mapping(byte[] terminalMappingKey) throws GeneralSecurityException {
        PublicKey terminal = PACEProtocol.decodePublicKeyFromSmartCard(terminalMappingKey, protocol.params());
        KeyPair chip = generate(protocol.params());
        chipMappingKey = chip.getPrivate();
        if (protocol.ec()) {
            ECParameterSpec curve = (ECParameterSpec) protocol.params();
            ECPoint shared = Util.multiply(((ECPrivateKey) chip.getPrivate()).getS(), ((ECPublicKey) terminal).getW(), curve);
            ephemeral = PACEProtocol.mapNonceGMWithECDH(nonce, shared, curve);
        } else {
            DHParameterSpec group = (DHParameterSpec) protocol.params();
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
        KeyAgreement agreement = KeyAgreement.getInstance(protocol.ec() ? "ECDH" : "DH", Util.getBouncyCastleProvider());
        agreement.init(chipEphemeral.getPrivate());
        agreement.doPhase(terminalEphemeral, true);
        byte[] secret = agreement.generateSecret();
        SecretKey kEnc = Util.deriveKey(secret, protocol.cipher(), protocol.keyLength(), Util.ENC_MODE);
        SecretKey kMac = Util.deriveKey(secret, protocol.cipher(), protocol.keyLength(), Util.MAC_MODE);
        byte[] expected = PACEProtocol.generateAuthenticationToken(protocol.oid(), kMac, chipEphemeral.getPublic());
        if (!MessageDigest.isEqual(expected, terminalToken)) {
            return Reply.of(Sw.AUTHENTICATION_FAILED);
        }
        byte[] chipToken = PACEProtocol.generateAuthenticationToken(protocol.oid(), kMac, terminalEphemeral);
        byte[] answer = DataObjects.wrap(0x86, chipToken);
        if (protocol.cam()) {
            answer = org.bouncycastle.util.Arrays.concatenate(answer, DataObjects.wrap(0x8A, chipAuthenticationData(kEnc)));
        }
        return new Reply(DataObjects.wrap(0x7C, answer), Sw.OK,
                SecureChannel.of(protocol.cipher(), kEnc.getEncoded(), kMac.getEncoded()));
    }

    /**
     * PACE-CAM: {@code CA = SK⁻¹·SK_Map mod n}, so that {@code [CA]·PK = PK_Map}, encrypted with
     * AES-CBC under the new KSenc and the IV {@code E(KSenc, -1)}.
     */
    private byte[] chipAuthenticationData(SecretKey kEnc) throws GeneralSecurityException {
        BigInteger order = ((ECPrivateKey) chipAuthenticationKey).getParams().getOrder();
        BigInteger ca = ((ECPrivateKey) chipAuthenticationKey).getS().modInverse(order)
                .multiply(((ECPrivateKey) chipMappingKey).getS()).mod(order);
        byte[] plain = Util.i2os(ca, (order.bitLength() + 7) / 8);
        byte[] padded = Arrays.copyOf(plain, (plain.length / 16 + 1) * 16);
        padded[plain.length] = (byte) 0x80;
        byte[] minusOne = new byte[16];
        Arrays.fill(minusOne, (byte) 0xFF);
        Cipher block = Cipher.getInstance("AES/ECB/NoPadding");
        block.init(Cipher.ENCRYPT_MODE, kEnc);
        Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
        cbc.init(Cipher.ENCRYPT_MODE, kEnc, new IvParameterSpec(block.doFinal(minusOne)));
        return cbc.doFinal(padded);
    }

    private KeyPair generate(AlgorithmParameterSpec spec) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(protocol.ec() ? "EC" : "DH", Util.getBouncyCastleProvider());
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

    private static List<PACEInfo> paceInfos(byte[] cardAccess) {
        List<PACEInfo> infos = new ArrayList<>();
        try {
            for (SecurityInfo info : new CardAccessFile(new ByteArrayInputStream(cardAccess)).getSecurityInfos()) {
                if (info instanceof PACEInfo pace) {
                    infos.add(pace);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("EF.CardAccess is unreadable", e);
        }
        if (infos.isEmpty()) {
            throw new IllegalArgumentException("EF.CardAccess announces no PACE protocol");
        }
        return infos;
    }
}
