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

/** Every emulator profile read end to end by the terminal and decided by the verifier. */
class ChipReadTest {
    static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    final ChipTerminal terminal = new ChipTerminal();
    final DocumentVerifier verifier = new DocumentVerifier(TestPki.issuer().trustAnchors(), List.of(),
            SanctionsList.testEnvironment(), TestPki.CLOCK);

    static MockDocument issue(SignatureAlgorithm alg, ChipAuthentication proof, ChipAccess access, Defect defect) {
        return TestPki.issuer().issue(MockDocumentSpec.passport(LocalDate.of(1988, 7, 9), alg)
                .withChipAuthentication(proof).withAccessControl(access).withDefect(defect));
    }

    static AccessKey.Mrz mrz(MockDocument doc) {
        return new AccessKey.Mrz(doc.document().documentNumber(), YYMMDD.format(doc.document().dateOfBirth()),
                YYMMDD.format(doc.document().expirationDate()));
    }

    @Test
    void paceAndChipAuthentication() {
        MockDocument doc = issue(SignatureAlgorithm.ECDSA_P256, ChipAuthentication.CHIP, ChipAccess.BOTH, Defect.NONE);
        List<String> steps = new ArrayList<>();
        ChipRead read = terminal.read(ChipEmulator.fromImage(doc.chipImage()), mrz(doc), steps::add);
        VerificationResult r = verifier.verify(read, Rules.defaults());
        assertThat(read.accessControl()).isEqualTo(AccessControl.PACE);
        assertThat(read.proof()).isEqualTo(new ChipProof.ChipAuthenticated(-1));
        assertThat(r.valid()).as("%s", r.outcome()).isTrue();
        assertThat(r.chipAuthentication()).isEqualTo(ChipAuthMethod.CHIP_AUTHENTICATION);
        assertThat(steps).containsExactly("access_control", "reading", "chip_authentication");
        System.out.println("APDUs " + read.apduCount());
    }
}
