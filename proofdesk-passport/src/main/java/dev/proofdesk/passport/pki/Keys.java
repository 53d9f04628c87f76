package dev.proofdesk.passport.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Public keys and signature checks, each through the provider our profiles favour. RSA goes to the
 * JDK's SunRsaSign: it verifies as fast as BouncyCastle, but reads a key without the primality
 * test BouncyCastle's key factory runs on every modulus (see below). EC stays with BouncyCastle:
 * its P-256 verification took about half the CPU of SunEC's on Temurin 25 here, and it alone
 * reads explicit curve parameters and brainpool curves.
 *
 * <p>What is checked of an RSA public key, and what is not: the JDK checks the encoding and the
 * size (512 to 16,384 bits, a short exponent above 3,072 bits). It does not run BouncyCastle's
 * Miller-Rabin test that the modulus is composite (a full-size modular exponentiation per key,
 * most of what importing a master list cost). That test only catches an issuer who certified a
 * key with a prime modulus, that is, a key anyone can forge with; an issuer can make a weak key in
 * many ways no test detects, and a signature counts only under a key a trust anchor vouches for (a
 * CSCA the operator imported, a DSC that CSCA signed, a DG15 key hashed in the SOD the DSC signed),
 * so trusting the anchor already trusts its keys. Every signature is still verified in full.
 */
public final class Keys {
    private static final DefaultCMSSignatureAlgorithmNameGenerator CMS_NAMES = new DefaultCMSSignatureAlgorithmNameGenerator();
    private static final DefaultSignatureAlgorithmIdentifierFinder ALGORITHMS = new DefaultSignatureAlgorithmIdentifierFinder();
    private static final DigestCalculatorProvider DIGESTS = new BcDigestCalculatorProvider();

    private Keys() {
    }

    /** An RSA key through the JDK, unless it cannot read it; any other key through BouncyCastle. */
    public static PublicKey publicKey(SubjectPublicKeyInfo info) {
        byte[] encoded;
        try {
            encoded = info.getEncoded();
        } catch (IOException e) {
            throw new IllegalArgumentException("unsupported public key: " + e.getMessage(), e);
        }
        if (info.getAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
            try {
                return KeyFactory.getInstance("RSA", "SunRsaSign").generatePublic(new X509EncodedKeySpec(encoded));
            } catch (GeneralSecurityException | RuntimeException notForTheJdk) {
                // a modulus outside the JDK's limits, say: BouncyCastle reads it as before
            }
        }
        try {
            String algorithm = info.getAlgorithm().getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey) ? "EC" : "RSA";
            return KeyFactory.getInstance(algorithm, Bc.PROVIDER).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException | RuntimeException e) {
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

    /**
     * Verifies signatures under {@code key}: through the JDK for a key the JDK made, unless it has no
     * implementation of the signature algorithm (RSASSA-PSS under some names), then through
     * BouncyCastle; a key BouncyCastle made goes to BouncyCastle. A signature the chosen provider
     * rejects is rejected: the other is never asked for a second opinion.
     */
    public static ContentVerifierProvider verifierProvider(PublicKey key) {
        try {
            ContentVerifierProvider bc = new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(key);
            if (!fromJdk(key)) {
                return bc;
            }
            return new JdkFirst(new JcaContentVerifierProviderBuilder().setProvider("SunRsaSign").build(key), bc);
        } catch (OperatorCreationException e) {
            throw new IllegalArgumentException("no verifier for " + key.getAlgorithm(), e);
        }
    }

    /** Whether a JDK provider made the key, so a JDK provider can verify under it. */
    public static boolean fromJdk(PublicKey key) {
        return !key.getClass().getName().startsWith("org.bouncycastle.");
    }

    /** A CMS signer-info verifier over {@code verifier}, with shared, stateless algorithm tables. */
    public static SignerInformationVerifier signerInfoVerifier(ContentVerifierProvider verifier) {
        return new SignerInformationVerifier(CMS_NAMES, ALGORITHMS, verifier, DIGESTS);
    }

    private record JdkFirst(ContentVerifierProvider jdk, ContentVerifierProvider bc) implements ContentVerifierProvider {
        @Override
        public boolean hasAssociatedCertificate() {
            return false;
        }

        @Override
        public X509CertificateHolder getAssociatedCertificate() {
            return null;
        }

        @Override
        public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
            try {
                return jdk.get(algorithm);
            } catch (OperatorCreationException | RuntimeException noJdkImplementation) {
                return bc.get(algorithm);
            }
        }
    }
}
