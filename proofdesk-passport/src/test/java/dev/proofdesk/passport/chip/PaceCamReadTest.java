package dev.proofdesk.passport.chip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofdesk.passport.DocumentVerifier;
import dev.proofdesk.passport.FailureCode;
import dev.proofdesk.passport.Outcome;
import dev.proofdesk.passport.Rules;
import dev.proofdesk.passport.TestPki;
import dev.proofdesk.passport.VerificationResult;
import dev.proofdesk.passport.emulator.ChipEmulator;
import dev.proofdesk.passport.emulator.ChipImage;
import dev.proofdesk.passport.mock.ChipAccess;
import dev.proofdesk.passport.mock.ChipAuthentication;
import dev.proofdesk.passport.mock.ChipProtocols;
import dev.proofdesk.passport.mock.Defect;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.MockIssuer;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.sanctions.SanctionsList;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.DERSet;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SecurityInfo;
import org.junit.jupiter.api.Test;

/**
 * PACE with chip authentication mapping, like recent German documents: the chip proves the key of
 * its EF.CardSecurity during PACE, the verifier checks that proof and EF.CardSecurity's signature,
 * and the result says {@code chip_authentication}. A clone, a swapped or a forged EF.CardSecurity fails.
 */
class PaceCamReadTest {
    static final ChipProtocols CAM = new ChipProtocols(ChipProtocols.Pace.ECDH_CAM_AES, ChipProtocols.ChipAuth.ECDH_AES);
    final ChipTerminal terminal = new ChipTerminal();
    final DocumentVerifier verifier = new DocumentVerifier(TestPki.issuer().trustAnchors(), List.of(),
            SanctionsList.testEnvironment(), TestPki.CLOCK);

    static MockDocument issue(MockIssuer issuer, Defect defect) {
        return issuer.issue(MockDocumentSpec.passport(LocalDate.of(1990, 2, 3), SignatureAlgorithm.ECDSA_P256)
                .withChipAuthentication(ChipAuthentication.CHIP).withAccessControl(ChipAccess.PACE).withDefect(defect), CAM);
    }

    /** The same chip with another EF.CardSecurity. */
    static ChipEmulator withCardSecurity(MockDocument doc, byte[] cardSecurity) {
        ChipImage image = doc.image();
        Map<Integer, byte[]> files = new HashMap<>(image.files());
        files.put(ChipImage.EF_CARD_SECURITY, cardSecurity);
        return ChipEmulator.builder(new ChipImage(image.bac(), image.pace(), image.documentNumber(), image.dateOfBirth(),
                image.dateOfExpiry(), image.can(), files, image.aaKeyPkcs8(), image.caKeyPkcs8(), image.caKeyId())).build();
    }

    static List<String> details(VerificationResult r) {
        return ((Outcome.Invalid) r.outcome()).failures().stream().map(f -> f.code() + ": " + f.detail()).toList();
    }

    @Test
    void aCamChipIsProvenDuringPaceWithoutChipAuthenticationOrDg14() {
        MockDocument doc = issue(TestPki.issuer(), Defect.NONE);
        for (AccessKey key : List.of(ChipReadTest.mrz(doc), new AccessKey.Can(doc.can()))) {
            ChipReadTest.Recording chip = new ChipReadTest.Recording(ChipEmulator.fromImage(doc.chipImage()));
            ChipRead read = terminal.read(chip, key, ReadProgress.NONE);

            assertThat(read.proof()).isInstanceOf(ChipProof.PaceChipAuthenticated.class);
            assertThat(read.cardSecurity()).isEqualTo(doc.image().files().get(ChipImage.EF_CARD_SECURITY));
            assertThat(read.dg14()).as("DG14 is not needed").isNull();
            VerificationResult r = verifier.verify(read, Rules.defaults());
            assertThat(r.valid()).as("%s", r.outcome()).isTrue();
            assertThat(r.chipAuthentication()).isEqualTo(ChipAuthMethod.CHIP_AUTHENTICATION);
            assertThat(chip.commands).anyMatch(c -> c.startsWith("0022C1A4") && c.contains("04007F00070202040602"));
            assertThat(chip.sent("2241A4")).as("no separate Chip Authentication").isFalse();
        }
    }

    @Test
    void camTakesFewerApdusThanGenericMappingAndChipAuthentication() {
        MockDocument cam = issue(TestPki.issuer(), Defect.NONE);
        MockDocument gm = TestPki.issuer().issue(MockDocumentSpec.passport(LocalDate.of(1990, 2, 3), SignatureAlgorithm.ECDSA_P256)
                .withChipAuthentication(ChipAuthentication.CHIP).withAccessControl(ChipAccess.PACE));
        int withCam = terminal.read(ChipEmulator.fromImage(cam.chipImage()), ChipReadTest.mrz(cam), ReadProgress.NONE).apduCount();
        int withCa = terminal.read(ChipEmulator.fromImage(gm.chipImage()), ChipReadTest.mrz(gm), ReadProgress.NONE).apduCount();
        System.out.printf("APDUs extended: PACE-CAM %d, PACE-GM + CA %d%n", withCam, withCa);
        assertThat(withCam).isLessThan(withCa);
    }

    @Test
    void aClonedCamChipIsNotGenuine() {
        MockDocument clone = issue(TestPki.issuer(), Defect.CLONED_CHIP);
        ChipRead read = terminal.read(ChipEmulator.fromImage(clone.chipImage()), ChipReadTest.mrz(clone), ReadProgress.NONE);
        VerificationResult r = verifier.verify(read, Rules.defaults().withRequireChipAuthentication(false));
        assertThat(details(r)).containsExactly(FailureCode.CHIP_NOT_GENUINE
                + ": the chip's PACE-CAM data does not match the Chip Authentication key of EF.CardSecurity");
        assertThat(r.chipAuthentication()).isEqualTo(ChipAuthMethod.NONE);
    }

    @Test
    void anotherDocumentsGenuineCardSecurityDoesNotVouchForThisChip() {
        MockDocument doc = issue(TestPki.issuer(), Defect.NONE);
        byte[] other = issue(TestPki.issuer(), Defect.NONE).image().files().get(ChipImage.EF_CARD_SECURITY);
        ChipRead read = terminal.read(withCardSecurity(doc, other), ChipReadTest.mrz(doc), ReadProgress.NONE);
        assertThat(details(verifier.verify(read, Rules.defaults()))).containsExactly(FailureCode.CHIP_NOT_GENUINE
                + ": the chip's PACE-CAM data does not match the Chip Authentication key of EF.CardSecurity");
    }

    @Test
    void aCardSecurityWithABrokenSignatureOrAnUntrustedSignerVouchesForNothing() {
        MockDocument doc = issue(TestPki.issuer(), Defect.NONE);
        byte[] forged = doc.image().files().get(ChipImage.EF_CARD_SECURITY).clone();
        forged[forged.length - 1] ^= 0x01; // The last bytes are the signature.
        ChipRead read = terminal.read(withCardSecurity(doc, forged), ChipReadTest.mrz(doc), ReadProgress.NONE);
        assertThat(details(verifier.verify(read, Rules.defaults()))).singleElement().asString()
                .contains("signature does not verify");

        byte[] elsewhere = issue(TestPki.otherIssuer(), Defect.NONE).image().files().get(ChipImage.EF_CARD_SECURITY);
        read = terminal.read(withCardSecurity(doc, elsewhere), ChipReadTest.mrz(doc), ReadProgress.NONE);
        assertThat(details(verifier.verify(read, Rules.defaults()))).singleElement().asString()
                .contains("not issued by a CSCA this environment trusts");
    }

    @Test
    void aTerminalThatChoosesGenericMappingStillProvesTheChipWithChipAuthentication() throws Exception {
        // A CAM chip answers generic mapping too: as read by a terminal that only knows it.
        MockDocument doc = issue(TestPki.issuer(), Defect.NONE);
        byte[] gmOnly = new DERSet(new PACEInfo(SecurityInfo.ID_PACE_ECDH_GM_AES_CBC_CMAC_128, 2,
                PACEInfo.PARAM_ID_ECP_BRAINPOOL_P256_R1).getDERObject()).getEncoded();
        ChipImage image = doc.image();
        Map<Integer, byte[]> files = new HashMap<>(image.files());
        files.put(ChipImage.EF_CARD_ACCESS, gmOnly);
        ChipEmulator chip = ChipEmulator.builder(new ChipImage(image.bac(), image.pace(), image.documentNumber(),
                image.dateOfBirth(), image.dateOfExpiry(), image.can(), files, image.aaKeyPkcs8(), image.caKeyPkcs8(),
                image.caKeyId())).build();
        ChipRead read = terminal.read(chip, ChipReadTest.mrz(doc), ReadProgress.NONE);
        assertThat(read.proof()).isInstanceOf(ChipProof.ChipAuthenticated.class);
        assertThat(verifier.verify(read, Rules.defaults()).chipAuthentication()).isEqualTo(ChipAuthMethod.CHIP_AUTHENTICATION);
    }
}
