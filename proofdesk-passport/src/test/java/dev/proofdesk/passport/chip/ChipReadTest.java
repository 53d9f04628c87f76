package dev.proofdesk.passport.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.proofdesk.passport.mock.Defect;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.sanctions.SanctionsList;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every emulator profile read end to end by the terminal over an in-memory channel and decided by the verifier. */
class ChipReadTest {
    static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    final ChipTerminal terminal = new ChipTerminal();
    final DocumentVerifier verifier = new DocumentVerifier(TestPki.issuer().trustAnchors(), List.of(),
            SanctionsList.testEnvironment(), TestPki.CLOCK);

    /** The profiles of the issue: AA-RSA, AA-ECDSA, CA only, none, BAC only, PACE only. */
    enum Profile {
        AA_RSA(SignatureAlgorithm.RSA_2048, ChipAuthentication.ACTIVE, ChipAccess.BOTH),
        AA_ECDSA(SignatureAlgorithm.ECDSA_P256, ChipAuthentication.ACTIVE, ChipAccess.BOTH),
        CA_ONLY(SignatureAlgorithm.RSA_PSS, ChipAuthentication.CHIP, ChipAccess.BOTH),
        NONE(SignatureAlgorithm.RSA_2048, ChipAuthentication.NONE, ChipAccess.BAC),
        BAC_ONLY(SignatureAlgorithm.ECDSA_P256, ChipAuthentication.ACTIVE, ChipAccess.BAC),
        PACE_ONLY(SignatureAlgorithm.ECDSA_P256, ChipAuthentication.CHIP, ChipAccess.PACE);

        final SignatureAlgorithm alg;
        final ChipAuthentication proof;
        final ChipAccess access;

        Profile(SignatureAlgorithm alg, ChipAuthentication proof, ChipAccess access) {
            this.alg = alg;
            this.proof = proof;
            this.access = access;
        }

        MockDocument issue(Defect defect) {
            return ChipReadTest.issue(alg, proof, access, defect);
        }

        ChipAuthMethod method() {
            return switch (proof) {
                case ACTIVE -> ChipAuthMethod.ACTIVE_AUTHENTICATION;
                case CHIP -> ChipAuthMethod.CHIP_AUTHENTICATION;
                case NONE -> ChipAuthMethod.NONE;
            };
        }
    }

    static MockDocument issue(SignatureAlgorithm alg, ChipAuthentication proof, ChipAccess access, Defect defect) {
        return TestPki.issuer().issue(MockDocumentSpec.passport(LocalDate.of(1988, 7, 9), alg)
                .withChipAuthentication(proof).withAccessControl(access).withDefect(defect));
    }

    static AccessKey.Mrz mrz(MockDocument doc) {
        return new AccessKey.Mrz(doc.document().documentNumber(), YYMMDD.format(doc.document().dateOfBirth()),
                YYMMDD.format(doc.document().expirationDate()));
    }

    /** Records every command the terminal sends, and its instruction byte. */
    static final class Recording implements ApduChannel {
        final ApduChannel chip;
        final List<Integer> instructions = new ArrayList<>();
        final List<String> commands = new ArrayList<>();

        Recording(ApduChannel chip) {
            this.chip = chip;
        }

        @Override
        public byte[] transmit(byte[] command) {
            instructions.add(command[1] & 0xFF);
            commands.add(java.util.HexFormat.of().withUpperCase().formatHex(command));
            return chip.transmit(command);
        }

        /** Whether a command with this instruction and P1 P2 (hex) was sent, plain or under secure messaging. */
        boolean sent(String insP1P2) {
            return commands.stream().anyMatch(c -> c.startsWith(insP1P2, 2));
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyProfileReadsAndVerifies(Profile profile) {
        MockDocument doc = profile.issue(Defect.NONE);
        List<String> steps = new ArrayList<>();
        ChipRead read = terminal.read(ChipEmulator.fromImage(doc.chipImage()), mrz(doc), steps::add);

        assertThat(read.accessControl()).isEqualTo(profile.access == ChipAccess.BAC ? AccessControl.BAC : AccessControl.PACE);
        assertThat(read.dg1()).isEqualTo(doc.dg1());
        assertThat(read.sod()).isEqualTo(doc.sod());
        VerificationResult strict = verifier.verify(read, Rules.defaults());
        VerificationResult lenient = verifier.verify(read, Rules.defaults().withRequireChipAuthentication(false));
        assertThat(lenient.valid()).as("%s", lenient.outcome()).isTrue();
        assertThat(lenient.chipAuthentication()).isEqualTo(profile.method());
        if (profile.proof == ChipAuthentication.NONE) {
            assertThat(DocumentVerifierTest.codes(strict)).containsExactly(FailureCode.CHIP_AUTHENTICATION_UNAVAILABLE);
            assertThat(steps).containsExactly("access_control", "reading");
        } else {
            assertThat(strict.valid()).as("%s", strict.outcome()).isTrue();
            assertThat(steps).containsExactly("access_control", "reading", profile.method().wireName());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"AA_RSA", "AA_ECDSA", "CA_ONLY", "PACE_ONLY", "BAC_ONLY"})
    void aClonedChipIsNotGenuineEvenWhenPassiveAuthenticationAloneWouldDo(Profile profile) {
        MockDocument clone = profile.issue(Defect.CLONED_CHIP);
        ChipRead read = terminal.read(ChipEmulator.fromImage(clone.chipImage()), mrz(clone), ReadProgress.NONE);
        if (profile.proof == ChipAuthentication.CHIP) {
            assertThat(read.proof()).isInstanceOf(ChipProof.ChipAuthenticationFailed.class);
        }
        VerificationResult r = verifier.verify(read, Rules.defaults().withRequireChipAuthentication(false));
        assertThat(DocumentVerifierTest.codes(r)).containsExactly(FailureCode.CHIP_NOT_GENUINE);
        assertThat(r.chipAuthentication()).isEqualTo(ChipAuthMethod.NONE);
    }

    @Test
    void aPaceOnlyCardIsReadWithTheCanAndWithoutAnyBacCommand() {
        MockDocument card = Profile.PACE_ONLY.issue(Defect.NONE);
        Recording chip = new Recording(ChipEmulator.fromImage(card.chipImage()));
        ChipRead read = terminal.read(chip, new AccessKey.Can(card.can()), ReadProgress.NONE);
        assertThat(read.accessControl()).isEqualTo(AccessControl.PACE);
        assertThat(verifier.verify(read, Rules.defaults()).valid()).isTrue();
        assertThat(chip.instructions).doesNotContain(0x84, 0x82).contains(0x86);
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"CA_ONLY", "BAC_ONLY", "PACE_ONLY"})
    void aWrongMrzIsAccessDeniedWithoutFallingBackToBac(Profile profile) {
        MockDocument doc = profile.issue(Defect.NONE);
        AccessKey.Mrz right = mrz(doc);
        AccessKey.Mrz wrong = new AccessKey.Mrz(right.documentNumber(), "010101", right.dateOfExpiry());
        Recording chip = new Recording(ChipEmulator.fromImage(doc.chipImage()));
        assertThatThrownBy(() -> terminal.read(chip, wrong, ReadProgress.NONE))
                .isInstanceOfSatisfying(ChipReadException.class, e -> assertThat(e.reason()).isEqualTo(ChipReadException.Reason.ACCESS_DENIED));
        if (profile.access != ChipAccess.BAC) {
            assertThat(chip.instructions).doesNotContain(0x84, 0x82);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ChipAccess.class, names = {"BAC", "PACE"})
    void aDocumentNumberShorterThanItsMrzFieldOpensTheChip(ChipAccess access) {
        MockDocument doc = TestPki.issuer().issue(new MockDocumentSpec(dev.proofdesk.passport.DocumentType.PASSPORT, "UTO",
                LocalDate.of(1969, 8, 6), "ERIKSSON", "ANNA MARIA", null, "L898902C", null, SignatureAlgorithm.ECDSA_P256,
                Defect.NONE, ChipAuthentication.CHIP, access));
        ChipRead read = terminal.read(ChipEmulator.fromImage(doc.chipImage()), mrz(doc), ReadProgress.NONE);
        assertThat(read.dg1()).isEqualTo(doc.dg1());
    }

    @Test
    void aWrongCanIsAccessDenied() {
        MockDocument card = Profile.PACE_ONLY.issue(Defect.NONE);
        String wrong = card.can().equals("000000") ? "000001" : "000000";
        assertThatThrownBy(() -> terminal.read(ChipEmulator.fromImage(card.chipImage()), new AccessKey.Can(wrong), ReadProgress.NONE))
                .isInstanceOfSatisfying(ChipReadException.class, e -> assertThat(e.reason()).isEqualTo(ChipReadException.Reason.ACCESS_DENIED));
    }

    @Test
    void aCanCannotOpenABacOnlyChip() {
        MockDocument doc = Profile.BAC_ONLY.issue(Defect.NONE);
        assertThatThrownBy(() -> terminal.read(ChipEmulator.fromImage(doc.chipImage()), new AccessKey.Can(doc.can()), ReadProgress.NONE))
                .isInstanceOfSatisfying(ChipReadException.class, e -> assertThat(e.reason()).isEqualTo(ChipReadException.Reason.ACCESS_UNSUPPORTED));
    }

    @Test
    void aCardWithoutTheTravelDocumentApplicationIsSaidSo() {
        ApduChannel bankCard = command -> new byte[] {0x6A, (byte) 0x82};
        assertThatThrownBy(() -> terminal.read(bankCard, new AccessKey.Mrz("X1", "900101", "300101"), ReadProgress.NONE))
                .isInstanceOfSatisfying(ChipReadException.class,
                        e -> assertThat(e.reason()).isEqualTo(ChipReadException.Reason.NOT_A_TRAVEL_DOCUMENT));
    }

    @Test
    void aLinkThatDropsIsALinkFailure() {
        MockDocument doc = Profile.CA_ONLY.issue(Defect.NONE);
        ChipEmulator chip = ChipEmulator.fromImage(doc.chipImage());
        int[] sent = {0};
        ApduChannel dropping = command -> {
            if (++sent[0] > 9) {
                throw new ChipIoException("relay closed");
            }
            return chip.transmit(command);
        };
        assertThatThrownBy(() -> terminal.read(dropping, mrz(doc), ReadProgress.NONE))
                .isInstanceOfSatisfying(ChipReadException.class, e -> assertThat(e.reason()).isEqualTo(ChipReadException.Reason.LINK));
    }

    @ParameterizedTest
    @EnumSource(value = ExtendedLength.class, names = {"REFUSED", "SILENT"})
    void aChipWithoutExtendedLengthIsReadWithShortApdus(ExtendedLength mode) {
        for (Profile profile : Profile.values()) {
            MockDocument doc = profile.issue(Defect.NONE);
            ChipEmulator chip = ChipEmulator.builder(ChipImage.fromBytes(doc.chipImage())).extendedLength(mode).build();
            ChipRead read = terminal.read(chip, mrz(doc), ReadProgress.NONE);
            VerificationResult r = verifier.verify(read, Rules.defaults().withRequireChipAuthentication(false));
            assertThat(r.valid()).as("%s %s", profile, r.outcome()).isTrue();
            assertThat(r.chipAuthentication()).as("%s", profile).isEqualTo(profile.method());
            assertThat(read.apduCount()).isEqualTo(chip.commandCount());
            System.out.printf("APDUs %s %s: %d%n", mode, profile, read.apduCount());
        }
    }

    @Test
    void aTerminalForShortApdusOnlyReadsEveryProfile() {
        ChipTerminal shortOnly = new ChipTerminal(false);
        for (Profile profile : Profile.values()) {
            MockDocument doc = profile.issue(Defect.NONE);
            ChipEmulator chip = ChipEmulator.builder(ChipImage.fromBytes(doc.chipImage())).extendedLength(ExtendedLength.REFUSED).build();
            ChipRead read = shortOnly.read(chip, mrz(doc), ReadProgress.NONE);
            VerificationResult r = verifier.verify(read, Rules.defaults().withRequireChipAuthentication(false));
            assertThat(r.chipAuthentication()).as("%s", profile).isEqualTo(profile.method());
            System.out.printf("APDUs short only %s: %d%n", profile, read.apduCount());
        }
    }

    @Test
    void apduCountsWithExtendedLength() {
        for (Profile profile : Profile.values()) {
            MockDocument doc = profile.issue(Defect.NONE);
            ChipEmulator chip = ChipEmulator.fromImage(doc.chipImage());
            ChipRead read = terminal.read(chip, mrz(doc), ReadProgress.NONE);
            assertThat(read.apduCount()).isEqualTo(chip.commandCount());
            System.out.printf("APDUs extended %s: %d%n", profile, read.apduCount());
        }
        // PACE + Chip Authentication with extended length: EF.CardAccess 3 (select, two reads), PACE 5, SELECT
        // applet 1, EF.SOD, DG1 and DG14 two reads each, CA 2, the proof read 1. The target is at most 30;
        // the exact count guards against regressions (every file is two reads whatever its size).
        MockDocument german = Profile.CA_ONLY.issue(Defect.NONE);
        assertThat(terminal.read(ChipEmulator.fromImage(german.chipImage()), mrz(german), ReadProgress.NONE).apduCount())
                .isEqualTo(18);
    }
}
