package dev.proofdesk.passport.mock;

import dev.proofdesk.passport.pki.Bc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates of the mock PKI: a CSCA and its document signers, all marked as mock. */
final class MockCertificates {
    static final X500Name CSCA_NAME = new X500Name("C=UT,O=Proofdesk MOCK,OU=Test documents only,CN=Proofdesk MOCK CSCA");

    private MockCertificates() {
    }

    static X509CertificateHolder csca(KeyPair key, Instant now) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded());
        X509v3CertificateBuilder b = builder(CSCA_NAME, CSCA_NAME, spki, now, Duration.ofDays(365 * 20));
        try {
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spki));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(spki));
            b.addExtension(Extension.certificatePolicies, false, policy());
            return b.build(signer("SHA256withRSA", key.getPrivate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509CertificateHolder documentSigner(SignatureAlgorithm alg, KeyPair key, X509CertificateHolder csca,
                                                PrivateKey cscaKey, Instant now) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded());
        X500Name subject = new X500Name("C=UT,O=Proofdesk MOCK,OU=Test documents only,CN=Proofdesk MOCK DSC " + alg.name());
        // Long enough to outlive any mock document it signs, as real DSCs outlive their passports.
        X509v3CertificateBuilder b = builder(csca.getSubject(), subject, spki, now, Duration.ofDays(365 * 15));
        try {
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spki));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(csca.getSubjectPublicKeyInfo()));
            b.addExtension(Extension.certificatePolicies, false, policy());
            return b.build(signer("SHA256withRSA", cscaKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The CSCA's CRL: it revokes nothing and is current for as long as the CSCA itself, so that a
     * mock document's revocation is checked like a real one's without the CRL ever going stale.
     */
    static X509CRLHolder crl(X509CertificateHolder csca, PrivateKey cscaKey) {
        X509v2CRLBuilder b = new X509v2CRLBuilder(csca.getSubject(), csca.getNotBefore());
        b.setNextUpdate(csca.getNotAfter());
        try {
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new BcX509ExtensionUtils().createAuthorityKeyIdentifier(csca.getSubjectPublicKeyInfo()));
            return b.build(signer("SHA256withRSA", cscaKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ContentSigner signer(String jcaName, PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(jcaName).setProvider(Bc.PROVIDER).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + jcaName, e);
        }
    }

    /**
     * Document signing on the request path uses the JDK's providers, whose RSA is several times
     * faster than BouncyCastle's; the resulting signatures are the same standard algorithms.
     */
    static ContentSigner documentSigner(SignatureAlgorithm alg, PrivateKey key) {
        try {
            return alg == SignatureAlgorithm.RSA_PSS ? new JdkPssSigner(key) : new JcaContentSignerBuilder(alg.jcaName()).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + alg, e);
        }
    }

    private static CertificatePolicies policy() {
        return new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(MockIssuer.MOCK_POLICY_OID)));
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, SubjectPublicKeyInfo spki,
                                                    Instant now, Duration validity) {
        Instant from = now.minus(Duration.ofDays(1));
        return new X509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
                Date.from(from), Date.from(from.plus(validity)), subject, spki);
    }
}
