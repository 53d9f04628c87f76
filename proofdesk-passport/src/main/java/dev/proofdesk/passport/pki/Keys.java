package dev.proofdesk.passport.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/** Key conversions through the BouncyCastle provider, which accepts explicit EC parameters. */
public final class Keys {
    private Keys() {
    }

    public static PublicKey publicKey(SubjectPublicKeyInfo info) {
        try {
            String algorithm = info.getAlgorithm().getAlgorithm().equals(
                    org.bouncycastle.asn1.x9.X9ObjectIdentifiers.id_ecPublicKey) ? "EC" : "RSA";
            return KeyFactory.getInstance(algorithm, Bc.PROVIDER).generatePublic(new X509EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("unsupported public key: " + e.getMessage(), e);
        }
    }

    public static PrivateKey privateKey(byte[] pkcs8) {
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm, Bc.PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next algorithm; PKCS#8 names it but parsing it twice is simpler
            }
        }
        throw new IllegalArgumentException("not an EC or RSA PKCS#8 private key");
    }

    public static ContentVerifierProvider verifierProvider(PublicKey key) {
        try {
            return new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalArgumentException("no verifier for " + key.getAlgorithm(), e);
        }
    }
}
