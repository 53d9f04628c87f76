package dev.proofdesk.passport.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proofdesk.passport.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.icao.CscaMasterList;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

class MasterListTest {
    static X509CertificateHolder cert(X500Name issuer, X500Name subject, KeyPair subjectKey, KeyPair issuerKey) throws Exception {
        Instant now = TestPki.CLOCK.instant();
        return new X509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli() ^ subject.hashCode()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                SubjectPublicKeyInfo.getInstance(subjectKey.getPublic().getEncoded()))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Bc.PROVIDER).build(issuerKey.getPrivate()));
    }

    static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    static byte[] masterList(List<X509CertificateHolder> cscas, X509CertificateHolder signer, KeyPair signerKey) throws Exception {
        byte[] content = new CscaMasterList(cscas.stream().map(X509CertificateHolder::toASN1Structure)
                .toArray(Certificate[]::new)).getEncoded();
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Bc.PROVIDER).build(signerKey.getPrivate()), signer));
        g.addCertificate(signer);
        return g.generate(new CMSProcessableByteArray(MasterList.CONTENT_TYPE, content), true).getEncoded();
    }

    @Test
    void roundTripVerifiesAndReportsCountries() throws Exception {
        KeyPair fr = ec();
        KeyPair jp = ec();
        KeyPair mls = ec();
        X500Name frName = new X500Name("C=FR,CN=CSCA-FRANCE");
        X509CertificateHolder frCsca = cert(frName, frName, fr, fr);
        X500Name jpName = new X500Name("C=JP,CN=Japan CSCA");
        X509CertificateHolder jpCsca = cert(jpName, jpName, jp, jp);
        X509CertificateHolder signer = cert(frName, new X500Name("C=FR,CN=Master List Signer"), mls, fr);
        byte[] bytes = masterList(List.of(frCsca, jpCsca), signer, mls);

        MasterList list = MasterList.parse(bytes);
        assertThat(list.certificates()).containsExactlyInAnyOrder(frCsca, jpCsca);
        assertThat(list.countries()).containsExactly("FR", "JP");
        assertThat(list.signerIssuedByListedCsca()).isTrue();
        assertThat(list.signerIssuer()).isEqualTo(frCsca);
        assertThat(list.signerIssuedBy(frCsca)).isTrue();
        assertThat(list.signerIssuedBy(jpCsca)).isFalse();
        TrustAnchors anchors = TrustAnchors.empty().withMasterList(list);
        assertThat(anchors.anchors()).hasSize(2).noneMatch(TrustAnchor::mock);
        assertThat(list.countriesAddedTo(TrustAnchors.of(List.of(new TrustAnchor(jpCsca, false)), List.of())))
                .containsExactly("FR");

        byte[] tampered = bytes.clone();
        int at = indexOf(tampered, jpCsca.getEncoded());
        tampered[at + 40] ^= 0x01;
        assertThatThrownBy(() -> MasterList.parse(tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MasterList.parse(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSelfSignedSignerVerifiesTheListButIsItsOwnIssuer() throws Exception {
        KeyPair forger = ec();
        KeyPair fakeCsca = ec();
        X500Name deName = new X500Name("C=DE,CN=CSCA-GERMANY");
        X509CertificateHolder forgedCsca = cert(deName, deName, fakeCsca, fakeCsca);
        X500Name signerName = new X500Name("C=UN,O=ICAO,CN=ICAO Master List Signer");
        X509CertificateHolder signer = cert(signerName, signerName, forger, forger);

        MasterList list = MasterList.parse(masterList(List.of(forgedCsca), signer, forger));
        assertThat(list.signer()).isEqualTo(signer);
        assertThat(list.signerIssuer()).isEqualTo(signer);
        assertThat(list.signerIssuedByListedCsca()).isFalse();
    }

    @Test
    void aSignerIssuedOutsideTheFileHasNoIssuerInIt() throws Exception {
        KeyPair csca = ec();
        KeyPair mls = ec();
        X500Name nlName = new X500Name("C=NL,CN=CSCA NL");
        X509CertificateHolder signer = cert(nlName, new X500Name("C=NL,CN=Master List Signer NL"), mls, csca);
        MasterList list = MasterList.parse(masterList(List.of(), signer, mls));
        assertThat(list.signerIssuer()).isNull();
        assertThat(list.signerIssuedBy(cert(nlName, nlName, csca, csca))).isTrue();
    }

    @Test
    void singleCertificatesAndCrlsReadAsPemOrDer() throws Exception {
        X509CertificateHolder csca = TestPki.issuer().cscaCertificate();
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(csca.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        assertThat(Certificates.parseCertificates(pem.getBytes())).containsExactly(csca);
        assertThat(Certificates.parseCertificates(csca.getEncoded())).containsExactly(csca);
        byte[] crl = RevocationTest.crl(TestPki.issuer()).getEncoded();
        assertThat(Certificates.parseCrls(crl)).hasSize(1);
        assertThatThrownBy(() -> Certificates.parseCertificates("hello".getBytes())).isInstanceOf(IllegalArgumentException.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
