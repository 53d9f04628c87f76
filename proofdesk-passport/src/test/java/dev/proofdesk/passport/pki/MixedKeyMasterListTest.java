package dev.proofdesk.passport.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofdesk.passport.TestPki;
import dev.proofdesk.passport.fixtures.MasterListFixture;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A master list with every kind of CSCA key states use: RSA (read and verified by the JDK), NIST
 * curves (JDK), brainpool with named and with explicit parameters (BouncyCastle). Each CSCA is found
 * as the issuer of a document signer it signed, and of nothing it did not sign.
 */
class MixedKeyMasterListTest {
    private static MasterListFixture.Generated generated;
    private static MasterList list;

    @BeforeAll
    static void generate() {
        generated = MasterListFixture.generate(20, 7);
        list = MasterList.parse(generated.encoded());
    }

    @Test
    void everyKindOfKeyIsReadAndListed() {
        assertThat(list.certificates()).containsExactlyInAnyOrderElementsOf(
                generated.cscas().stream().map(MasterListFixture.Csca::certificate).toList());
        assertThat(generated.cscas()).extracting(MasterListFixture.Csca::kind)
                .contains(MasterListFixture.Kind.values());
        assertThat(generated.cscas()).anyMatch(MasterListFixture.Csca::explicitParameters);
        assertThat(list.signer()).isEqualTo(generated.signer());
    }

    @Test
    void eachCscaIssuesItsOwnDocumentSignersAndNoOneElses() throws Exception {
        TrustAnchors anchors = TrustAnchors.empty().withMasterList(list);
        KeyPair dscKey = p256();
        for (MasterListFixture.Csca csca : generated.cscas()) {
            X509CertificateHolder dsc = dsc(csca.certificate(), csca.privateKey(), dscKey);
            String kind = csca.kind() + (csca.explicitParameters() ? " (explicit parameters)" : "");
            assertThat(anchors.issuerOf(csca.certificate())).as("self-signed " + kind)
                    .map(TrustAnchor::certificate).contains(csca.certificate());
            assertThat(anchors.issuerOf(dsc)).as(kind).map(TrustAnchor::certificate).contains(csca.certificate());
            TrustAnchors.DocumentSigner signer = anchors.documentSigner(dsc);
            assertThat(signer.issuer()).as(kind).map(TrustAnchor::certificate).contains(csca.certificate());
            assertThat(signer.verifier()).as(kind).isNotNull();
            assertThat(anchors.documentSigner(dsc)).as("remembered").isSameAs(signer);
        }
    }

    @Test
    void aLookAlikeSignedByAnotherKeyHasNoIssuer() throws Exception {
        TrustAnchors anchors = TrustAnchors.empty().withMasterList(list);
        MasterListFixture.Csca genuine = generated.cscas().getFirst();
        MasterListFixture.Csca other = generated.cscas().get(1);
        // Same issuer name and key identifier as the genuine CSCA, signed by another CSCA's key.
        X509CertificateHolder forged = dsc(genuine.certificate(), other.privateKey(), p256());
        assertThat(anchors.issuerOf(forged)).isEmpty();
        assertThat(anchors.documentSigner(forged).issuer()).isEmpty();

        X509CertificateHolder dsc = dsc(genuine.certificate(), genuine.privateKey(), p256());
        assertThat(TrustAnchors.empty().documentSigner(dsc).issuer()).as("another value knows its own anchors only")
                .isEmpty();
        assertThat(anchors.documentSigner(dsc).issuer()).isPresent();
    }

    private static X509CertificateHolder dsc(X509CertificateHolder csca, PrivateKey cscaKey, KeyPair dscKey)
            throws Exception {
        Instant now = TestPki.CLOCK.instant();
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(csca.getExtensions());
        JcaContentSignerBuilder signer = new JcaContentSignerBuilder(
                cscaKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA");
        if (cscaKey.getClass().getName().startsWith("org.bouncycastle.")) {
            signer.setProvider(Bc.PROVIDER);
        }
        return new X509v3CertificateBuilder(csca.getSubject(), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
                new X500Name(csca.getSubject().toString().replace("CN=CSCA", "CN=DS")),
                SubjectPublicKeyInfo.getInstance(dscKey.getPublic().getEncoded()))
                .addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(ski.getKeyIdentifier()))
                .build(signer.build(cscaKey));
    }

    private static KeyPair p256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }
}
