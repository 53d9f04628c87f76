package dev.proofdesk.passport.mock;

import static dev.proofdesk.passport.DocumentVerifierTest.CHALLENGE;
import static dev.proofdesk.passport.DocumentVerifierTest.proof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proofdesk.passport.DocumentType;
import dev.proofdesk.passport.DocumentVerifier;
import dev.proofdesk.passport.Gender;
import dev.proofdesk.passport.Rules;
import dev.proofdesk.passport.TestPki;
import dev.proofdesk.passport.lds.Mrz;
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
    void refusesDatesATwoDigitMrzYearCannotCarry() {
        MockIssuer issuer = TestPki.issuer();
        LocalDate today = TestPki.TODAY;
        MockDocumentSpec born1920 = MockDocumentSpec.passport(LocalDate.of(1920, 5, 1), SignatureAlgorithm.ECDSA_P256);
        assertThatThrownBy(() -> issuer.issue(born1920)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reads back from the MRZ as 2020-05-01");
        LocalDate oldest = today.minusYears(100).plusDays(1);
        MockDocument centenarianTomorrow = issuer.issue(MockDocumentSpec.passport(oldest, SignatureAlgorithm.ECDSA_P256));
        assertThat(centenarianTomorrow.document().dateOfBirth()).isEqualTo(oldest);
        assertThat(Mrz.parseDg1(centenarianTomorrow.dg1(), today).dateOfBirth()).isEqualTo(oldest);

        assertThatThrownBy(() -> issuer.issue(withExpiry(LocalDate.of(2080, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as 1980-01-01");
        assertThatThrownBy(() -> issuer.issue(withExpiry(LocalDate.of(1975, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as 2075-01-01");
        LocalDate latest = today.plusYears(50);
        MockDocument longLived = issuer.issue(withExpiry(latest));
        assertThat(Mrz.parseDg1(longLived.dg1(), today).expirationDate()).isEqualTo(latest);
    }

    private static MockDocumentSpec withExpiry(LocalDate expiry) {
        return new MockDocumentSpec(DocumentType.PASSPORT, "UTO", LocalDate.of(1980, 1, 1), "MOCK", "ALEX", Gender.UNSPECIFIED,
                null, expiry, SignatureAlgorithm.ECDSA_P256, Defect.NONE);
    }

    @Test
    void restoringRejectsForeignBytes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MockIssuerState.fromBytes(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
