package dev.proofdesk.passport.aa;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.ISO9796d2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.util.BigIntegers;

/**
 * Answers an active-authentication challenge the way a chip does, for mock documents whose
 * chip key the server keeps: ISO/IEC 9796-2 with SHA-256 (explicit trailer) for RSA keys,
 * deterministic ECDSA with SHA-256 in plain r||s form for EC keys.
 */
public final class ChipSigner {
    private ChipSigner() {
    }

    public static byte[] sign(byte[] chipKeyPkcs8, byte[] challenge) {
        return sign(chipKeyPkcs8, challenge, false);
    }

    /** @param sha1Implicit RSA only: the older SHA-1 scheme with the implicit {@code BC} trailer */
    public static byte[] sign(byte[] chipKeyPkcs8, byte[] challenge, boolean sha1Implicit) {
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(chipKeyPkcs8);
            if (key instanceof RSAKeyParameters rsa) {
                return signRsa(rsa, challenge, sha1Implicit);
            }
            if (key instanceof ECPrivateKeyParameters ec) {
                return signEcdsa(ec, challenge);
            }
            throw new IllegalArgumentException("chip key must be RSA or EC");
        } catch (IOException e) {
            throw new IllegalArgumentException("chip key is not a PKCS#8 private key", e);
        } catch (CryptoException e) {
            throw new IllegalStateException("could not sign the challenge", e);
        }
    }

    private static byte[] signRsa(RSAKeyParameters key, byte[] challenge, boolean sha1Implicit) throws CryptoException {
        Digest digest = sha1Implicit ? new SHA1Digest() : new SHA256Digest();
        ISO9796d2Signer signer = new ISO9796d2Signer(new RSAEngine(), digest, sha1Implicit);
        signer.init(true, key);
        // The chip's own nonce fills exactly the recoverable part, so the challenge is the
        // non-recoverable part the verifier supplies from its side.
        int trailerBits = sha1Implicit ? 8 : 16;
        int nonceLength = (key.getModulus().bitLength() - trailerBits - 4) / 8 - digest.getDigestSize();
        byte[] nonce = new byte[nonceLength];
        new SecureRandom().nextBytes(nonce);
        signer.update(nonce, 0, nonce.length);
        signer.update(challenge, 0, challenge.length);
        return signer.generateSignature();
    }

    private static byte[] signEcdsa(ECPrivateKeyParameters key, byte[] challenge) {
        SHA256Digest digest = new SHA256Digest();
        byte[] hash = new byte[digest.getDigestSize()];
        digest.update(challenge, 0, challenge.length);
        digest.doFinal(hash, 0);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(hash);
        int size = (key.getParameters().getN().bitLength() + 7) / 8;
        byte[] out = new byte[2 * size];
        BigIntegers.asUnsignedByteArray(rs[0], out, 0, size);
        BigIntegers.asUnsignedByteArray(rs[1], out, size, size);
        return out;
    }
}
