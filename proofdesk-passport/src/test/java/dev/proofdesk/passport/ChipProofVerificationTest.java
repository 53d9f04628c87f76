package dev.proofdesk.passport;

import static dev.proofdesk.passport.DocumentVerifierTest.CHALLENGE;
import static dev.proofdesk.passport.DocumentVerifierTest.codes;
import static dev.proofdesk.passport.DocumentVerifierTest.issue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proofdesk.passport.aa.ChipSigner;
import dev.proofdesk.passport.chip.AccessControl;
import dev.proofdesk.passport.chip.ChipAuthMethod;
import dev.proofdesk.passport.chip.ChipProof;
import dev.proofdesk.passport.chip.ChipRead;
import dev.proofdesk.passport.mock.Defect;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.sanctions.SanctionsList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every branch of the chip check, for reads the server made as terminal and for submitted proofs. */
class ChipProofVerificationTest {
    final DocumentVerifier verifier = new DocumentVerifier(TestPki.issuer().trustAnchors(), List.of(),
            SanctionsList.testEnvironment(), TestPki.CLOCK);
    static final Rules PASSIVE_ALONE = Rules.defaults().withRequireChipAuthentication(false);

    static ChipRead read(MockDocument doc, Map<Integer, byte[]> groups, ChipProof proof) {
        return new ChipRead(doc.sod(), groups, null, AccessControl.BAC, proof, 10);
    }

    static ChipRead withAa(MockDocument doc, byte[] signature) {
        return read(doc, Map.of(1, doc.dg1(), 14, doc.dg14(), 15, doc.dg15()),
                new ChipProof.ActiveAuthentication(CHALLENGE, signature));
    }

    static Check chipCheck(VerificationResult r) {
        return r.checks().stream().filter(c -> c.name().equals(CheckName.CHIP_AUTHENTICATION)
                || c.name().equals(CheckName.ACTIVE_AUTHENTICATION)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void activeAuthenticationReadByTheTerminalIsVerifiedHere(SignatureAlgorithm alg) {
        MockDocument doc = issue(alg, Defect.NONE);
        VerificationResult r = verifier.verify(withAa(doc, ChipSigner.sign(doc.chipKeyPkcs8(), CHALLENGE)), Rules.defaults());
        assertThat(r.valid()).isTrue();
        assertThat(r.chipAuthentication()).isEqualTo(ChipAuthMethod.ACTIVE_AUTHENTICATION);
        assertThat(chipCheck(r)).isEqualTo(new Check(CheckName.ACTIVE_AUTHENTICATION, true, null));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void aSignatureFromAnotherKeyIsNotGenuineEvenWithTheRuleOff(SignatureAlgorithm alg) {
        MockDocument clone = issue(alg, Defect.CLONED_CHIP);
        VerificationResult r = verifier.verify(withAa(clone, ChipSigner.sign(clone.chipKeyPkcs8(), CHALLENGE)), PASSIVE_ALONE);
        assertThat(codes(r)).containsExactly(FailureCode.CHIP_NOT_GENUINE);
        assertThat(r.chipAuthentication()).isEqualTo(ChipAuthMethod.NONE);
    }

    @Test
    void aSignatureUnderADg15TheSodDoesNotVouchForIsNotTrusted() {
        MockDocument genuine = issue(SignatureAlgorithm.ECDSA_P256, Defect.NONE);
        MockDocument other = issue(SignatureAlgorithm.ECDSA_P256, Defect.NONE);
        // The other chip's DG15 and a valid signature by its key, presented with this document's SOD.
        ChipRead swapped = read(genuine, Map.of(1, genuine.dg1(), 15, other.dg15()),
                new ChipProof.ActiveAuthentication(CHALLENGE, ChipSigner.sign(other.chipKeyPkcs8(), CHALLENGE)));
        VerificationResult r = verifier.verify(swapped, Rules.defaults());
        assertThat(codes(r)).containsExactlyInAnyOrder(FailureCode.DATA_TAMPERED, FailureCode.CHIP_NOT_GENUINE);
        assertThat(r.chipAuthentication()).isEqualTo(ChipAuthMethod.NONE);
    }

    @Test
    void failedChipAuthenticationIsNotGenuine() {
        MockDocument doc = issue(SignatureAlgorithm.ECDSA_P256, Defect.NONE);
        ChipRead failed = read(doc, Map.of(1, doc.dg1(), 14, doc.dg14(), 15, doc.dg15()),
                new ChipProof.ChipAuthenticationFailed("no answer under the new keys"));
        VerificationResult r = verifier.verify(failed, PASSIVE_ALONE);
        assertThat(codes(r)).containsExactly(FailureCode.CHIP_NOT_GENUINE);
        assertThat(chipCheck(r).name()).isEqualTo(CheckName.CHIP_AUTHENTICATION);
    }

    @Test
    void chipAuthenticationWithADg14ThatHoldsNoSuchKeyIsNotTrusted() {
        MockDocument doc = issue(SignatureAlgorithm.ECDSA_P256, Defect.NONE);
        ChipRead claimed = read(doc, Map.of(1, doc.dg1(), 14, doc.dg14(), 15, doc.dg15()), new ChipProof.ChipAuthenticated(-1));
        VerificationResult r = verifier.verify(claimed, Rules.defaults());
        assertThat(codes(r)).containsExactly(FailureCode.CHIP_NOT_GENUINE);
        assertThat(r.chipAuthentication()).isEqualTo(ChipAuthMethod.NONE);
    }

    @Test
    void chipAuthenticationWithoutDg14IsNotTrusted() {
        MockDocument doc = issue(SignatureAlgorithm.ECDSA_P256, Defect.NONE);
        ChipRead claimed = read(doc, Map.of(1, doc.dg1(), 15, doc.dg15()), new ChipProof.ChipAuthenticated(1));
        assertThat(codes(verifier.verify(claimed, Rules.defaults()))).containsExactly(FailureCode.CHIP_NOT_GENUINE);
    }

    @Test
    void aChipThatWithholdsADataGroupItsSodListsHidesItsProof() {
        MockDocument doc = issue(SignatureAlgorithm.RSA_2048, Defect.NONE);
        ChipRead withheld = read(doc, Map.of(1, doc.dg1()), new ChipProof.None());
        VerificationResult r = verifier.verify(withheld, PASSIVE_ALONE);
        assertThat(codes(r)).containsExactly(FailureCode.CHIP_NOT_GENUINE);
        assertThat(((Outcome.Invalid) r.outcome()).failures().getFirst().detail()).contains("DG14");
    }

    @Test
    void submissionWithoutDg15NeedsTheRuleOff() {
        MockDocument doc = issue(SignatureAlgorithm.RSA_PSS, Defect.NONE);
        DocumentProof noDg15 = new DocumentProof(doc.dg1(), doc.sod(), null, null);

        VerificationResult required = verifier.verify(noDg15, CHALLENGE, Rules.defaults());
        assertThat(codes(required)).containsExactly(FailureCode.CHIP_AUTHENTICATION_UNAVAILABLE);
        assertThat(chipCheck(required)).isEqualTo(new Check(CheckName.CHIP_AUTHENTICATION, false,
                FailureCode.CHIP_AUTHENTICATION_UNAVAILABLE));

        VerificationResult allowed = verifier.verify(noDg15, CHALLENGE, PASSIVE_ALONE);
        assertThat(allowed.valid()).isTrue();
        assertThat(allowed.chipAuthentication()).isEqualTo(ChipAuthMethod.NONE);
        assertThat(allowed.checks()).extracting(Check::name)
                .doesNotContain(CheckName.CHIP_AUTHENTICATION, CheckName.ACTIVE_AUTHENTICATION);
    }

    @Test
    void submissionWithDg15ButNoSignatureCarriesNoProof() {
        MockDocument doc = issue(SignatureAlgorithm.ECDSA_P256, Defect.NONE);
        DocumentProof unsigned = new DocumentProof(doc.dg1(), doc.sod(), doc.dg15(), new byte[0]);
        assertThat(codes(verifier.verify(unsigned, CHALLENGE, Rules.defaults())))
                .containsExactly(FailureCode.CHIP_AUTHENTICATION_UNAVAILABLE);
        assertThat(verifier.verify(unsigned, CHALLENGE, PASSIVE_ALONE).valid()).isTrue();
    }

    @Test
    void aBadSignatureFailsEvenWhenTheFlowAllowsPassiveAuthenticationAlone() {
        MockDocument doc = issue(SignatureAlgorithm.ECDSA_P256, Defect.NONE);
        DocumentProof forged = new DocumentProof(doc.dg1(), doc.sod(), doc.dg15(), new byte[64]);
        assertThat(codes(verifier.verify(forged, CHALLENGE, PASSIVE_ALONE))).containsExactly(FailureCode.CHIP_NOT_GENUINE);
    }

    @Test
    void submittedActiveAuthenticationReportsItsMethod() {
        MockDocument doc = issue(SignatureAlgorithm.ECDSA_P256, Defect.NONE);
        VerificationResult r = verifier.verify(DocumentVerifierTest.proof(doc, CHALLENGE), CHALLENGE, Rules.defaults());
        assertThat(r.chipAuthentication()).isEqualTo(ChipAuthMethod.ACTIVE_AUTHENTICATION);
    }

    @Test
    void anUnreadableReadIsAnErrorNotAnException() {
        MockDocument doc = issue(SignatureAlgorithm.ECDSA_P256, Defect.NONE);
        ChipRead garbage = read(doc, Map.of(1, new byte[] {0x61, 0x00}, 15, new byte[] {1}), new ChipProof.None());
        VerificationResult r = verifier.verify(garbage, Rules.defaults());
        assertThat(r.outcome()).isInstanceOf(Outcome.Error.class);
        assertThat(r.chipAuthentication()).isEqualTo(ChipAuthMethod.NONE);
    }
}
