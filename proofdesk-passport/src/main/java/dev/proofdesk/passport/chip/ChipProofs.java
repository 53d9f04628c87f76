package dev.proofdesk.passport.chip;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;
import org.jmrtd.PassportService;
import org.jmrtd.lds.ActiveAuthenticationInfo;
import org.jmrtd.lds.ChipAuthenticationInfo;
import org.jmrtd.lds.ChipAuthenticationPublicKeyInfo;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.lds.icao.DG14File;
import org.jmrtd.lds.icao.DG15File;
import org.jmrtd.protocol.SecureMessagingWrapper;

/**
 * The chip proves itself: Chip Authentication with the DG14 key (ECDH or DH, AES or 3DES, the
 * protocol from DG14's ChipAuthenticationInfo), proven by the chip answering a READ BINARY under
 * the new secure-messaging keys; else Active Authentication over a fresh challenge, whose
 * signature the verifier checks. Thread-safe.
 */
final class ChipProofs {
    /** DG1 starts with its tag and length, which the proof read asks for again. */
    private static final int PROOF_LENGTH = 8;
    private static final int SFI_DG1 = 0x01;

    private final SecureRandom random = new SecureRandom();

    /** @return the outcome of Chip Authentication, or null when DG14 offers none */
    ChipProof chipAuthentication(PassportService passport, RelayCardService card, byte[] dg14, byte[] dg1,
                                 ReadProgress progress) throws CardServiceException {
        DG14File file;
        try {
            file = new DG14File(new ByteArrayInputStream(dg14));
        } catch (Exception e) {
            return null; // The verifier reports a DG14 that cannot be read; no key to try.
        }
        List<ChipAuthenticationPublicKeyInfo> keys = file.getChipAuthenticationPublicKeyInfos();
        if (keys.isEmpty()) {
            return null;
        }
        progress.step("chip_authentication");
        ChipAuthenticationPublicKeyInfo key = keys.getFirst();
        BigInteger keyId = key.getKeyId();
        String protocol = protocolFor(file.getChipAuthenticationInfos(), key);
        try {
            passport.doEACCA(keyId, protocol, key.getObjectIdentifier(), key.getSubjectPublicKey());
        } catch (CardServiceException e) {
            if (card.linkFailure() != null) {
                throw e;
            }
            return new ChipProof.ChipAuthenticationFailed("the chip refused Chip Authentication (" + ChipTerminal.describe(e) + ")");
        }
        int id = keyId == null ? -1 : keyId.intValue();
        return answersUnderNewKeys(passport, card, dg1) ? new ChipProof.ChipAuthenticated(id)
                : new ChipProof.ChipAuthenticationFailed("the chip did not answer under the new secure-messaging keys");
    }

    /** Re-reads the start of DG1 under the keys Chip Authentication agreed; only the DG14 key's holder can answer. */
    private static boolean answersUnderNewKeys(PassportService passport, RelayCardService card, byte[] dg1)
            throws CardServiceException {
        SecureMessagingWrapper wrapper = passport.getWrapper();
        CommandAPDU read = new CommandAPDU(0x00, 0xB0, 0x80 | SFI_DG1, 0x00, PROOF_LENGTH);
        ResponseAPDU raw = card.transmit(wrapper.wrap(read));
        if (raw.getBytes().length <= 2) {
            return false;
        }
        try {
            ResponseAPDU plain = wrapper.unwrap(raw);
            return plain.getSW() == 0x9000
                    && MessageDigest.isEqual(plain.getData(), Arrays.copyOf(dg1, Math.min(PROOF_LENGTH, dg1.length)));
        } catch (RuntimeException e) {
            return false; // A wrong MAC: the answer was made with other keys.
        }
    }

    /** The Chip Authentication protocol for a key: DG14's info with the same key id, else inferred as 3DES. */
    static String protocolFor(List<ChipAuthenticationInfo> infos, ChipAuthenticationPublicKeyInfo key) {
        for (ChipAuthenticationInfo info : infos) {
            if (key.getKeyId() == null || info.getKeyId() == null || key.getKeyId().equals(info.getKeyId())) {
                return info.getObjectIdentifier();
            }
        }
        return SecurityInfo.ID_PK_DH.equals(key.getObjectIdentifier()) ? SecurityInfo.ID_CA_DH_3DES_CBC_CBC
                : SecurityInfo.ID_CA_ECDH_3DES_CBC_CBC;
    }

    /** INTERNAL AUTHENTICATE over a fresh challenge; an empty signature when the chip refuses. */
    ChipProof activeAuthentication(PassportService passport, RelayCardService card, boolean extendedLength, byte[] dg15,
                                   byte[] dg14, ReadProgress progress) throws CardServiceException {
        progress.step("active_authentication");
        byte[] challenge = new byte[8];
        random.nextBytes(challenge);
        PublicKey key;
        try {
            key = new DG15File(new ByteArrayInputStream(dg15)).getPublicKey();
        } catch (Exception e) {
            return new ChipProof.ActiveAuthentication(challenge, new byte[0]);
        }
        boolean ec = "EC".equals(key.getAlgorithm()) || "ECDSA".equals(key.getAlgorithm());
        String signature = ec ? ecdsaAlgorithm(dg14) : "SHA1WithRSA/ISO9796-2";
        String digest = ec ? "SHA-256" : "SHA-1";
        byte[] answer;
        try {
            answer = extendedLength ? passport.doAA(key, digest, signature, challenge).getResponse()
                    : internalAuthenticateShort(passport, card, challenge);
        } catch (CardServiceException e) {
            if (card.linkFailure() != null) {
                throw e;
            }
            answer = null;
        }
        if ((answer == null || answer.length == 0) && extendedLength && card.extendedRefused()) {
            // JMRTD asks for a long key's signature with an extended Le; a chip that refused it is read again with short APDUs.
            throw new CardServiceException("the chip refused an extended-length INTERNAL AUTHENTICATE", 0x6700);
        }
        return new ChipProof.ActiveAuthentication(challenge, answer == null ? new byte[0] : answer);
    }

    /** INTERNAL AUTHENTICATE with a short Le; a long signature then comes back by GET RESPONSE. */
    private static byte[] internalAuthenticateShort(PassportService passport, RelayCardService card, byte[] challenge)
            throws CardServiceException {
        SecureMessagingWrapper wrapper = passport.getWrapper();
        ResponseAPDU raw = card.transmit(wrapper.wrap(new CommandAPDU(0x00, 0x88, 0x00, 0x00, challenge, 256)));
        if (raw.getBytes().length <= 2) {
            return null;
        }
        try {
            ResponseAPDU plain = wrapper.unwrap(raw);
            return plain.getSW() == 0x9000 ? plain.getData() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String ecdsaAlgorithm(byte[] dg14) {
        if (dg14 != null) {
            try {
                for (ActiveAuthenticationInfo info : new DG14File(new ByteArrayInputStream(dg14)).getActiveAuthenticationInfos()) {
                    return ActiveAuthenticationInfo.lookupMnemonicByOID(info.getSignatureAlgorithmOID());
                }
            } catch (Exception e) {
                // Fall back to the common choice; the verifier tries every hash anyway.
            }
        }
        return "SHA256withECDSA";
    }
}
