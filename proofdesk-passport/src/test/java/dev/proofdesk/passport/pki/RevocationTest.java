package dev.proofdesk.passport.pki;

import static dev.proofdesk.passport.DocumentVerifierTest.CHALLENGE;
import static dev.proofdesk.passport.DocumentVerifierTest.proof;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proofdesk.passport.Check;
import dev.proofdesk.passport.CheckName;
import dev.proofdesk.passport.DocumentVerifier;
import dev.proofdesk.passport.DocumentVerifierTest;
import dev.proofdesk.passport.FailureCode;
import dev.proofdesk.passport.Rules;
import dev.proofdesk.passport.TestPki;
import dev.proofdesk.passport.VerificationResult;
import dev.proofdesk.passport.mock.Defect;
import dev.proofdesk.passport.mock.MockIssuer;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.sanctions.SanctionsList;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RevocationTest {
    static X509CRLHolder crl(MockIssuer issuer, BigInteger... revoked) throws Exception {
        Date now = Date.from(TestPki.CLOCK.instant());
        X509v2CRLBuilder b = new X509v2CRLBuilder(issuer.cscaCertificate().getSubject(), now);
        b.setNextUpdate(Date.from(TestPki.CLOCK.instant().plus(Duration.ofDays(30))));
        for (BigInteger serial : revoked) {
            b.addCRLEntry(serial, now, CRLReason.keyCompromise);
        }
        var key = Keys.privateKey(issuer.exportState().csca().privateKeyPkcs8());
        return b.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(Bc.PROVIDER).build(key));
    }

    /** The mock CSCA with this CRL instead of the one it publishes. */
    VerificationResult verifyWith(X509CRLHolder crl, SignatureAlgorithm alg) {
        MockIssuer issuer = TestPki.issuer();
        TrustAnchors anchors = TrustAnchors.of(issuer.trustAnchors().anchors(), List.of(crl));
        return new DocumentVerifier(anchors, List.of(), SanctionsList.empty(), TestPki.CLOCK)
                .verify(proof(DocumentVerifierTest.issue(alg, Defect.NONE), CHALLENGE), CHALLENGE, Rules.defaults());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void aCrlListingTheDocumentSignerFailsTheDocument(SignatureAlgorithm alg) throws Exception {
        BigInteger serial = TestPki.issuer().documentSignerCertificate(alg).getSerialNumber();
        VerificationResult r = verifyWith(crl(TestPki.issuer(), serial), alg);
        assertThat(DocumentVerifierTest.codes(r)).containsExactly(FailureCode.ISSUER_UNTRUSTED);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void aCurrentCrlWithoutTheSignerPassesWithoutWarning(SignatureAlgorithm alg) throws Exception {
        VerificationResult r = verifyWith(crl(TestPki.issuer(), BigInteger.valueOf(42)), alg);
        assertThat(r.valid()).isTrue();
        assertThat(r.warnings()).isEmpty();
    }

    static Check revocation(VerificationResult r) {
        return r.checks().stream().filter(c -> c.name().equals(CheckName.DOCUMENT_SIGNER_REVOCATION)).findFirst()
                .orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void revocationSaysSkippedWhenNoCrlWasConsulted(SignatureAlgorithm alg) throws Exception {
        Check checked = revocation(verifyWith(crl(TestPki.issuer(), BigInteger.valueOf(42)), alg));
        assertThat(checked.passed()).isTrue();
        assertThat(checked.skipped()).isFalse();

        // The issuer's CSCA is trusted but has no CRL (the mock issuer's own anchors carry its CRL).
        TrustAnchors withoutCrl = TrustAnchors.of(List.of(new TrustAnchor(TestPki.issuer().cscaCertificate(), true)), List.of());
        VerificationResult noCrl = new DocumentVerifier(withoutCrl, List.of(), SanctionsList.empty(),
                TestPki.CLOCK).verify(proof(DocumentVerifierTest.issue(alg, Defect.NONE), CHALLENGE), CHALLENGE,
                Rules.defaults());
        assertThat(noCrl.valid()).isTrue();
        assertThat(revocation(noCrl).skipped()).isTrue();
        assertThat(revocation(noCrl).code()).isNull();

        // The chain failed, so there was no CSCA whose CRL could say anything.
        VerificationResult untrusted = new DocumentVerifier(TrustAnchors.empty(), List.of(), SanctionsList.empty(),
                TestPki.CLOCK).verify(proof(DocumentVerifierTest.issue(alg, Defect.NONE), CHALLENGE), CHALLENGE,
                Rules.defaults());
        assertThat(untrusted.valid()).isFalse();
        assertThat(revocation(untrusted).skipped()).isTrue();
        assertThat(revocation(untrusted).code()).isNull();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void theMockCscaPublishesACurrentCrlThatRevokesNothing(SignatureAlgorithm alg) {
        MockIssuer issuer = TestPki.issuer();
        X509CRLHolder published = issuer.crl();
        assertThat(published.getIssuer()).isEqualTo(issuer.cscaCertificate().getSubject());
        assertThat(published.getRevokedCertificates()).isEmpty();
        assertThat(issuer.trustAnchors().crlsOf(issuer.trustAnchors().anchors().getFirst())).containsExactly(published);
        VerificationResult r = new DocumentVerifier(issuer.trustAnchors(), List.of(), SanctionsList.empty(), TestPki.CLOCK)
                .verify(proof(DocumentVerifierTest.issue(alg, Defect.NONE), CHALLENGE), CHALLENGE, Rules.defaults());
        assertThat(r.valid()).isTrue();
        assertThat(r.warnings()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void aCrlSignedByAnotherKeyIsIgnoredAndLeavesTheWarning(SignatureAlgorithm alg) throws Exception {
        BigInteger serial = TestPki.issuer().documentSignerCertificate(alg).getSerialNumber();
        VerificationResult r = verifyWith(crl(TestPki.otherIssuer(), serial), alg);
        assertThat(r.valid()).isTrue();
        assertThat(r.warnings()).singleElement().asString().contains("no CRL");
    }
}
