package dev.proofdesk.passport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofdesk.passport.aa.ChipSigner;
import dev.proofdesk.passport.mock.Defect;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.pki.TrustAnchor;
import dev.proofdesk.passport.pki.TrustAnchors;
import dev.proofdesk.passport.sanctions.SanctionsList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Its static helpers are shared by the tests of the other packages. */
public class DocumentVerifierTest {
    public static final byte[] CHALLENGE = {1, 2, 3, 4, 5, 6, 7, 8};
    static final LocalDate ADULT = LocalDate.of(1990, 6, 15);

    final DocumentVerifier test = new DocumentVerifier(TestPki.issuer().trustAnchors(), List.of(),
            SanctionsList.testEnvironment(), TestPki.CLOCK);

    public static DocumentProof proof(MockDocument doc, byte[] challenge) {
        return new DocumentProof(doc.dg1(), doc.sod(), doc.dg15(), ChipSigner.sign(doc.chipKeyPkcs8(), challenge));
    }

    public static MockDocument issue(SignatureAlgorithm alg, Defect defect) {
        return TestPki.issuer().issue(MockDocumentSpec.passport(ADULT, alg).withDefect(defect));
    }

    public static List<FailureCode> codes(VerificationResult r) {
        return ((Outcome.Invalid) r.outcome()).failures().stream().map(Failure::code).toList();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void genuineMockPassportIsValidInTest(SignatureAlgorithm alg) {
        MockDocument doc = issue(alg, Defect.NONE);
        VerificationResult r = test.verify(proof(doc, CHALLENGE), CHALLENGE, Rules.defaults().withMinimumAge(18));

        assertThat(r.outcome()).isEqualTo(new Outcome.Valid());
        assertThat(r.checks()).allMatch(Check::passed);
        assertThat(r.checks()).extracting(Check::name).contains(CheckName.SOD_SIGNATURE, CheckName.ISSUER_CHAIN,
                CheckName.DATA_GROUP_HASHES, CheckName.ACTIVE_AUTHENTICATION, CheckName.MINIMUM_AGE,
                CheckName.SANCTIONS_SCREENING);
        assertThat(r.document()).contains(doc.document());
        assertThat(r.mockIssuer()).isTrue();
        // The mock CSCA publishes a CRL, so revocation is checked and nothing is left to warn about.
        assertThat(r.warnings()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void everyDefectFailsWithItsCode(SignatureAlgorithm alg) {
        Map<Defect, FailureCode> expected = Map.of(
                Defect.TAMPERED_DATA, FailureCode.DATA_TAMPERED,
                Defect.BAD_SIGNATURE, FailureCode.SIGNATURE_INVALID,
                Defect.EXPIRED_DOCUMENT, FailureCode.DOCUMENT_EXPIRED,
                Defect.CLONED_CHIP, FailureCode.CHIP_NOT_GENUINE);
        expected.forEach((defect, code) -> {
            VerificationResult r = test.verify(proof(issue(alg, defect), CHALLENGE), CHALLENGE, Rules.defaults());
            assertThat(r.outcome()).as("%s %s", alg, defect).isInstanceOf(Outcome.Invalid.class);
            assertThat(codes(r)).as("%s %s", alg, defect).containsExactly(code);
        });
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void expiredDocumentPassesWhenTheFlowAllowsIt(SignatureAlgorithm alg) {
        MockDocument doc = issue(alg, Defect.EXPIRED_DOCUMENT);
        VerificationResult r = test.verify(proof(doc, CHALLENGE), CHALLENGE, Rules.defaults().withRejectExpiredDocuments(false));
        assertThat(r.valid()).isTrue();
        assertThat(r.checks()).extracting(Check::name).doesNotContain(CheckName.DOCUMENT_NOT_EXPIRED);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void signatureOverAnOldChallengeIsNotAcceptedForANewOne(SignatureAlgorithm alg) {
        MockDocument doc = issue(alg, Defect.NONE);
        byte[] oldChallenge = {9, 9, 9, 9, 9, 9, 9, 9};
        VerificationResult r = test.verify(proof(doc, oldChallenge), CHALLENGE, Rules.defaults());
        assertThat(codes(r)).containsExactly(FailureCode.CHIP_NOT_GENUINE);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void mockDocumentInLiveIsReportedAsMock(SignatureAlgorithm alg) {
        DocumentVerifier live = new DocumentVerifier(TrustAnchors.of(
                List.of(new TrustAnchor(TestPki.otherIssuer().cscaCertificate(), false)), List.of()), List.of(TestPki.issuer().cscaPublicKey()), SanctionsList.empty(), TestPki.CLOCK);
        VerificationResult r = live.verify(proof(issue(alg, Defect.NONE), CHALLENGE), CHALLENGE, Rules.defaults());
        assertThat(codes(r)).containsExactly(FailureCode.MOCK_DOCUMENT);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void anotherDeploymentsMockDocumentInLiveIsReportedAsMockByItsCertificatePolicy(SignatureAlgorithm alg) {
        // Live knows only its own deployment's mock CSCA key; this document comes from another deployment.
        DocumentVerifier live = new DocumentVerifier(TrustAnchors.empty(), List.of(TestPki.otherIssuer().cscaPublicKey()),
                SanctionsList.empty(), TestPki.CLOCK);
        VerificationResult r = live.verify(proof(issue(alg, Defect.NONE), CHALLENGE), CHALLENGE, Rules.defaults());
        assertThat(codes(r)).containsExactly(FailureCode.MOCK_DOCUMENT);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void cscaWithTheSameNameButAnotherKeyIsNotTheIssuer(SignatureAlgorithm alg) {
        // Both mock issuers use the same CSCA subject name; only the key tells them apart.
        assertThat(TestPki.otherIssuer().cscaCertificate().getSubject()).isEqualTo(TestPki.issuer().cscaCertificate().getSubject());
        DocumentVerifier other = new DocumentVerifier(TestPki.otherIssuer().trustAnchors(), List.of(),
                SanctionsList.empty(), TestPki.CLOCK);
        VerificationResult r = other.verify(proof(issue(alg, Defect.NONE), CHALLENGE), CHALLENGE, Rules.defaults());
        // Not trusted there, and a test document by its policy: a mock CSCA the environment does not trust.
        assertThat(codes(r)).containsExactly(FailureCode.MOCK_DOCUMENT);
        assertThat(r.mockIssuer()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void failuresAccumulate(SignatureAlgorithm alg) {
        MockDocument doc = issue(alg, Defect.EXPIRED_DOCUMENT);
        Rules strict = Rules.defaults().withMinimumAge(60).withCountries(java.util.Set.of("FRA"), java.util.Set.of())
                .withAcceptedDocumentTypes(java.util.Set.of(DocumentType.ID_CARD));
        VerificationResult r = test.verify(proof(doc, new byte[] {7}), CHALLENGE, strict);
        assertThat(codes(r)).containsExactlyInAnyOrder(FailureCode.CHIP_NOT_GENUINE, FailureCode.DOCUMENT_EXPIRED,
                FailureCode.DOCUMENT_TYPE_NOT_ACCEPTED, FailureCode.AGE_BELOW_MINIMUM, FailureCode.COUNTRY_NOT_ALLOWED);
    }
}
