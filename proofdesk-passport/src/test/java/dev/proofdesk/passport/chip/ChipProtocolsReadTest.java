package dev.proofdesk.passport.chip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofdesk.passport.DocumentVerifier;
import dev.proofdesk.passport.DocumentVerifierTest;
import dev.proofdesk.passport.FailureCode;
import dev.proofdesk.passport.Rules;
import dev.proofdesk.passport.TestPki;
import dev.proofdesk.passport.VerificationResult;
import dev.proofdesk.passport.emulator.ChipEmulator;
import dev.proofdesk.passport.emulator.ChipEmulator.ExtendedLength;
import dev.proofdesk.passport.emulator.ChipImage;
import dev.proofdesk.passport.mock.ChipAccess;
import dev.proofdesk.passport.mock.ChipAuthentication;
import dev.proofdesk.passport.mock.ChipProtocols;
import dev.proofdesk.passport.mock.ChipProtocols.ChipAuth;
import dev.proofdesk.passport.mock.ChipProtocols.Pace;
import dev.proofdesk.passport.mock.Defect;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.sanctions.SanctionsList;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PACE with generic mapping on elliptic curves and on a MODP group, with AES and 3DES secure
 * messaging, and Chip Authentication with ECDH or DH and 3DES after it: each read end to end by
 * the terminal from an emulated chip and decided by the verifier. The commands show the protocol
 * the chip asked for was the one run.
 */
class ChipProtocolsReadTest {
    static final HexFormat HEX = HexFormat.of().withUpperCase();
    final ChipTerminal terminal = new ChipTerminal();
    final DocumentVerifier verifier = new DocumentVerifier(TestPki.issuer().trustAnchors(), List.of(),
            SanctionsList.testEnvironment(), TestPki.CLOCK);

    static Stream<ChipProtocols> variants() {
        return Stream.of(
                new ChipProtocols(Pace.ECDH_GM_3DES, ChipAuth.ECDH_AES),
                new ChipProtocols(Pace.DH_GM_AES, ChipAuth.ECDH_AES),
                new ChipProtocols(Pace.DH_GM_3DES, ChipAuth.DH_3DES),
                new ChipProtocols(Pace.ECDH_GM_AES, ChipAuth.ECDH_3DES),
                new ChipProtocols(Pace.ECDH_GM_3DES, ChipAuth.ECDH_3DES));
    }

    static MockDocument issue(ChipProtocols protocols, ChipAccess access, Defect defect) {
        return TestPki.issuer().issue(MockDocumentSpec.passport(LocalDate.of(1979, 3, 14), SignatureAlgorithm.ECDSA_P256)
                .withChipAuthentication(ChipAuthentication.CHIP).withAccessControl(access).withDefect(defect), protocols);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyVariantOpensWithPaceAndProvesTheChip(ChipProtocols protocols) throws Exception {
        MockDocument doc = issue(protocols, ChipAccess.PACE, Defect.NONE);
        for (AccessKey key : List.of(ChipReadTest.mrz(doc), new AccessKey.Can(doc.can()))) {
            ChipReadTest.Recording chip = new ChipReadTest.Recording(ChipEmulator.fromImage(doc.chipImage()));
            ChipRead read = terminal.read(chip, key, ReadProgress.NONE);

            assertThat(read.accessControl()).isEqualTo(AccessControl.PACE);
            VerificationResult r = verifier.verify(read, Rules.defaults());
            assertThat(r.valid()).as("%s %s: %s", protocols, key.getClass().getSimpleName(), r.outcome()).isTrue();
            assertThat(r.chipAuthentication()).isEqualTo(ChipAuthMethod.CHIP_AUTHENTICATION);
            // MSE:Set AT names the PACE protocol of EF.CardAccess; 3DES Chip Authentication is one MSE:Set KAT.
            byte[] oid = new ASN1ObjectIdentifier(protocols.pace().oid()).getEncoded();
            String protocol = "80" + HEX.formatHex(oid, 1, oid.length);
            assertThat(chip.commands).anyMatch(c -> c.startsWith("0022C1A4") && c.contains(protocol));
            boolean tripleDes = protocols.chipAuthentication() != ChipAuth.ECDH_AES;
            assertThat(chip.sent("2241A6")).as("MSE:Set KAT").isEqualTo(tripleDes);
            assertThat(chip.sent("2241A4")).as("MSE:Set AT for AES Chip Authentication").isEqualTo(!tripleDes);
        }
    }

    @ParameterizedTest
    @EnumSource(ChipAuth.class)
    void anOlderPassportWithBacAndEveryChipAuthenticationVerifies(ChipAuth ca) {
        MockDocument doc = issue(new ChipProtocols(Pace.ECDH_GM_AES, ca), ChipAccess.BAC, Defect.NONE);
        ChipRead read = terminal.read(ChipEmulator.fromImage(doc.chipImage()), ChipReadTest.mrz(doc), ReadProgress.NONE);
        assertThat(read.accessControl()).isEqualTo(AccessControl.BAC);
        VerificationResult r = verifier.verify(read, Rules.defaults());
        assertThat(r.valid()).as("%s: %s", ca, r.outcome()).isTrue();
        assertThat(r.chipAuthentication()).isEqualTo(ChipAuthMethod.CHIP_AUTHENTICATION);
    }

    @ParameterizedTest
    @EnumSource(ChipAuth.class)
    void aClonedChipFailsChipAuthenticationWhateverItsProtocol(ChipAuth ca) {
        MockDocument clone = issue(new ChipProtocols(Pace.DH_GM_3DES, ca), ChipAccess.PACE, Defect.CLONED_CHIP);
        ChipRead read = terminal.read(ChipEmulator.fromImage(clone.chipImage()), ChipReadTest.mrz(clone), ReadProgress.NONE);
        assertThat(read.proof()).isInstanceOf(ChipProof.ChipAuthenticationFailed.class);
        VerificationResult r = verifier.verify(read, Rules.defaults().withRequireChipAuthentication(false));
        assertThat(DocumentVerifierTest.codes(r)).containsExactly(FailureCode.CHIP_NOT_GENUINE);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyVariantReadsWithShortApdusToo(ChipProtocols protocols) {
        MockDocument doc = issue(protocols, ChipAccess.PACE, Defect.NONE);
        ChipEmulator chip = ChipEmulator.builder(ChipImage.fromBytes(doc.chipImage())).extendedLength(ExtendedLength.REFUSED).build();
        ChipRead read = terminal.read(chip, ChipReadTest.mrz(doc), ReadProgress.NONE);
        assertThat(verifier.verify(read, Rules.defaults()).chipAuthentication()).as("%s", protocols)
                .isEqualTo(ChipAuthMethod.CHIP_AUTHENTICATION);
    }
}
