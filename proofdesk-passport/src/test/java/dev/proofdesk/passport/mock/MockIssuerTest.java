package dev.proofdesk.passport.mock;

import static dev.proofdesk.passport.DocumentVerifierTest.CHALLENGE;
import static dev.proofdesk.passport.DocumentVerifierTest.proof;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proofdesk.passport.DocumentVerifier;
import dev.proofdesk.passport.Rules;
import dev.proofdesk.passport.TestPki;
import dev.proofdesk.passport.sanctions.SanctionsList;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.jmrtd.lds.SODFile;
import org.junit.jupiter.api.Test;

class MockIssuerTest {
    @Test
    void stateSurvivesARestartAndKeepsSigningForTheSameAnchor() {
        byte[] saved = TestPki.issuer().exportState().toBytes();
        try (MockIssuer restored = MockIssuer.restore(MockIssuerState.fromBytes(saved), TestPki.CLOCK)) {
            assertThat(restored.cscaCertificate()).isEqualTo(TestPki.issuer().cscaCertificate());
            DocumentVerifier verifier = new DocumentVerifier(TestPki.issuer().trustAnchors(), List.of(),
                    SanctionsList.empty(), TestPki.CLOCK);
            for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
                MockDocument doc = restored.issue(MockDocumentSpec.passport(LocalDate.of(1999, 1, 1), alg));
                assertThat(verifier.verify(proof(doc, CHALLENGE), CHALLENGE, Rules.defaults()).valid()).as(alg.name()).isTrue();
            }
        }
    }

    @Test
    void certificatesSayMockAndCarryThePrivatePolicy() {
        MockIssuer issuer = TestPki.issuer();
        assertThat(issuer.cscaCertificate().getSubject().toString()).contains("MOCK");
        for (var cert : List.of(issuer.cscaCertificate(), issuer.documentSignerCertificate(SignatureAlgorithm.RSA_PSS))) {
            CertificatePolicies policies = CertificatePolicies.fromExtensions(cert.getExtensions());
            assertThat(policies.getPolicyInformation()[0].getPolicyIdentifier().getId()).isEqualTo(MockIssuer.MOCK_POLICY_OID);
            assertThat(cert.getExtension(Extension.authorityKeyIdentifier)).isNotNull();
        }
    }

    @Test
    void jmrtdReadsTheSecurityObject() throws Exception {
        MockDocument doc = TestPki.issuer().issue(MockDocumentSpec.passport(LocalDate.of(1980, 1, 1), SignatureAlgorithm.ECDSA_P256));
        SODFile sod = new SODFile(new ByteArrayInputStream(doc.sod()));
        assertThat(sod.getDataGroupHashes()).containsOnlyKeys(1, 14, 15);
        assertThat(doc.document().issuingState()).isEqualTo(MockIssuer.ISSUING_STATE);
    }

    @Test
    void restoringRejectsForeignBytes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MockIssuerState.fromBytes(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
