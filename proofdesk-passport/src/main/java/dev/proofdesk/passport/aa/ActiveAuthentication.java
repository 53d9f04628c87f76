package dev.proofdesk.passport.aa;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.ISO9796d2Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Active authentication (ICAO 9303 part 11 §6.1): the chip proves it holds the private key
 * of DG15 by signing the verifier's fresh challenge, so copied chip data answers no new challenge.
 * RSA chips sign with ISO/IEC 9796-2 scheme 1 (the trailer names the hash), EC chips with
 * ECDSA, in plain (BSI TR-03111) or DER form, over a hash the verifier cannot see in advance.
 */
public final class ActiveAuthentication {
    public static final int MAX_SIGNATURE_LENGTH = 1024;
    /** BouncyCastle's own limit on an RSA modulus. */
    private static final int MAX_MODULUS_BITS = 15_360;
    private static final List<Supplier<Digest>> ECDSA_DIGESTS = List.of(
            SHA256Digest::new, SHA1Digest::new, SHA384Digest::new, SHA512Digest::new, SHA224Digest::new);

    private ActiveAuthentication() {
    }

    public static boolean verify(SubjectPublicKeyInfo chipKey, byte[] challenge, byte[] signature) {
        if (challenge == null || challenge.length == 0 || signature == null || signature.length == 0
                || signature.length > MAX_SIGNATURE_LENGTH) {
            return false;
        }
        try {
            if (PKCSObjectIdentifiers.rsaEncryption.equals(chipKey.getAlgorithm().getAlgorithm())) {
                return verifyRsa(rsaKey(chipKey), challenge, signature);
            }
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(chipKey);
            if (key instanceof RSAKeyParameters rsa) {
                return verifyRsa(rsa, challenge, signature);
            }
            if (key instanceof ECPublicKeyParameters ec) {
                return verifyEcdsa(ec, challenge, signature);
            }
            return false;
        } catch (Exception e) {
            // A key or signature BouncyCastle cannot read proves nothing.
            return false;
        }
    }

    /**
     * The chip's RSA key as read, without BouncyCastle's Miller-Rabin test that the modulus is
     * composite (milliseconds per new chip key, and every document brings a new one): the key is
     * vouched for by the DSC through the DG15 hash, and a weak key only lets someone clone that
     * issuer's own chips, which no test of the modulus can rule out. See {@code Keys}.
     */
    private static RSAKeyParameters rsaKey(SubjectPublicKeyInfo chipKey) throws java.io.IOException {
        RSAPublicKey key = RSAPublicKey.getInstance(chipKey.parsePublicKey());
        if (key.getModulus().signum() <= 0 || !key.getModulus().testBit(0) || key.getModulus().bitLength() > MAX_MODULUS_BITS) {
            throw new IllegalArgumentException("not a usable RSA modulus");
        }
        return new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent(), true);
    }

    private static boolean verifyRsa(RSAKeyParameters key, byte[] challenge, byte[] signature)
            throws org.bouncycastle.crypto.InvalidCipherTextException {
        RSAEngine raw = new RSAEngine();
        raw.init(false, key);
        byte[] block = raw.processBlock(signature, 0, signature.length);
        int last = block[block.length - 1] & 0xFF;
        Digest digest;
        boolean implicit = last == 0xBC;
        if (implicit) {
            digest = new SHA1Digest();
        } else if (last == 0xCC && block.length > 1) {
            digest = switch (block[block.length - 2] & 0xFF) {
                case 0x33 -> new SHA1Digest();
                case 0x34 -> new SHA256Digest();
                case 0x35 -> new SHA512Digest();
                case 0x36 -> new SHA384Digest();
                case 0x38 -> new SHA224Digest();
                default -> null;
            };
            if (digest == null) {
                return false;
            }
        } else {
            return false;
        }
        ISO9796d2Signer signer = new ISO9796d2Signer(new Recovered(raw, signature, block), digest, implicit);
        signer.init(false, key);
        signer.updateWithRecoveredMessage(signature);
        signer.update(challenge, 0, challenge.length);
        return signer.verifySignature(signature);
    }

    private static boolean verifyEcdsa(ECPublicKeyParameters key, byte[] challenge, byte[] signature) {
        BigInteger[][] candidates = ecdsaCandidates(signature);
        for (Supplier<Digest> digestFactory : ECDSA_DIGESTS) {
            Digest digest = digestFactory.get();
            byte[] hash = new byte[digest.getDigestSize()];
            digest.update(challenge, 0, challenge.length);
            digest.doFinal(hash, 0);
            for (BigInteger[] rs : candidates) {
                ECDSASigner signer = new ECDSASigner();
                signer.init(false, key);
                if (signer.verifySignature(hash, rs[0], rs[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * RSA that hands back the block already recovered from this signature (to read its trailer)
     * instead of exponentiating again; any other input goes to the engine.
     */
    private static final class Recovered implements AsymmetricBlockCipher {
        private final RSAEngine engine;
        private final byte[] signature;
        private final byte[] block;

        Recovered(RSAEngine engine, byte[] signature, byte[] block) {
            this.engine = engine;
            this.signature = signature.clone();
            this.block = block.clone();
        }

        @Override
        public void init(boolean forEncryption, CipherParameters parameters) {
            engine.init(forEncryption, parameters);
        }

        @Override
        public int getInputBlockSize() {
            return engine.getInputBlockSize();
        }

        @Override
        public int getOutputBlockSize() {
            return engine.getOutputBlockSize();
        }

        @Override
        public byte[] processBlock(byte[] in, int offset, int length) {
            if (Arrays.equals(in, offset, offset + length, signature, 0, signature.length)) {
                return block.clone();
            }
            return engine.processBlock(in, offset, length);
        }
    }

    private static BigInteger[][] ecdsaCandidates(byte[] signature) {
        BigInteger[] plain = null;
        if (signature.length % 2 == 0) {
            int half = signature.length / 2;
            plain = new BigInteger[] {
                new BigInteger(1, Arrays.copyOfRange(signature, 0, half)),
                new BigInteger(1, Arrays.copyOfRange(signature, half, signature.length))};
        }
        BigInteger[] der = null;
        if (signature[0] == 0x30) {
            try {
                ASN1Sequence seq = ASN1Sequence.getInstance(signature);
                if (seq.size() == 2) {
                    der = new BigInteger[] {
                        ASN1Integer.getInstance(seq.getObjectAt(0)).getValue(),
                        ASN1Integer.getInstance(seq.getObjectAt(1)).getValue()};
                }
            } catch (RuntimeException e) {
                der = null;
            }
        }
        if (der != null && plain != null) {
            return new BigInteger[][] {der, plain};
        }
        return der != null ? new BigInteger[][] {der} : plain != null ? new BigInteger[][] {plain} : new BigInteger[0][];
    }
}
