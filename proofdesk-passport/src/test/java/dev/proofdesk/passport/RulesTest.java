package dev.proofdesk.passport;

import static dev.proofdesk.passport.DocumentVerifierTest.CHALLENGE;
import static dev.proofdesk.passport.DocumentVerifierTest.proof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proofdesk.passport.mock.Defect;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.sanctions.SanctionsList;
import dev.proofdesk.passport.sanctions.SanctionsTestIdentity;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesTest {
    final DocumentVerifier verifier = new DocumentVerifier(TestPki.issuer().trustAnchors(), List.of(),
            SanctionsList.testEnvironment(), TestPki.CLOCK);

    VerificationResult verify(MockDocumentSpec spec, Rules rules) {
        return verifier.verify(proof(TestPki.issuer().issue(spec), CHALLENGE), CHALLENGE, rules);
    }

    static MockDocumentSpec born(LocalDate dob) {
        return MockDocumentSpec.passport(dob, SignatureAlgorithm.ECDSA_P256);
    }

    static MockDocumentSpec national(String nationality) {
        return new MockDocumentSpec(DocumentType.PASSPORT, nationality, LocalDate.of(1980, 1, 1), "ROE", "JANE",
                Gender.FEMALE, null, null, SignatureAlgorithm.ECDSA_P256, Defect.NONE);
    }

    @Test
    void minimumAgeCountsCompletedYearsOnTheClockDay() {
        Rules eighteen = Rules.defaults().withMinimumAge(18);
        assertThat(verify(born(TestPki.TODAY.minusYears(18)), eighteen).valid()).isTrue();
        VerificationResult young = verify(born(TestPki.TODAY.minusYears(18).plusDays(1)), eighteen);
        assertThat(DocumentVerifierTest.codes(young)).containsExactly(FailureCode.AGE_BELOW_MINIMUM);
    }

    @Test
    void includedCountriesAcceptOnlyThoseNationalities() {
        Rules onlyUto = Rules.defaults().withCountries(Set.of("UTO"), Set.of());
        assertThat(verify(national("UTO"), onlyUto).valid()).isTrue();
        assertThat(DocumentVerifierTest.codes(verify(national("FRA"), onlyUto)))
                .containsExactly(FailureCode.COUNTRY_NOT_ALLOWED);
    }

    @Test
    void excludedCountriesRefuseThoseNationalities() {
        Rules notFrance = Rules.defaults().withCountries(Set.of(), Set.of("FRA"));
        assertThat(verify(national("UTO"), notFrance).valid()).isTrue();
        assertThat(DocumentVerifierTest.codes(verify(national("FRA"), notFrance)))
                .containsExactly(FailureCode.COUNTRY_NOT_ALLOWED);
    }

    @Test
    void germanyIsDInTheMrzAndDeuInFlows() {
        Rules notGermany = Rules.defaults().withCountries(Set.of(), Set.of("DEU"));
        assertThat(DocumentVerifierTest.codes(verify(national("D"), notGermany)))
                .containsExactly(FailureCode.COUNTRY_NOT_ALLOWED);
    }

    @Test
    void documentTypeMustBeAccepted() {
        MockDocumentSpec card = new MockDocumentSpec(DocumentType.ID_CARD, "UTO", LocalDate.of(1985, 5, 5), "ROE",
                "JANE", Gender.FEMALE, null, null, SignatureAlgorithm.RSA_2048, Defect.NONE);
        assertThat(verify(card, Rules.defaults()).valid()).isTrue();
        assertThat(verify(card, Rules.defaults()).document().orElseThrow().documentType()).isEqualTo(DocumentType.ID_CARD);
        Rules passportsOnly = Rules.defaults().withAcceptedDocumentTypes(Set.of(DocumentType.PASSPORT));
        assertThat(DocumentVerifierTest.codes(verify(card, passportsOnly)))
                .containsExactly(FailureCode.DOCUMENT_TYPE_NOT_ACCEPTED);
    }

    @Test
    void flaggedIdentityMatchesTheTestSanctionsListOnlyWhenScreeningIsOn() {
        MockDocumentSpec flagged = new MockDocumentSpec(DocumentType.PASSPORT, SanctionsTestIdentity.NATIONALITY,
                SanctionsTestIdentity.DATE_OF_BIRTH, SanctionsTestIdentity.SURNAME, SanctionsTestIdentity.GIVEN_NAMES,
                Gender.MALE, SanctionsTestIdentity.DOCUMENT_NUMBER, null, SignatureAlgorithm.RSA_PSS, Defect.NONE);
        assertThat(DocumentVerifierTest.codes(verify(flagged, Rules.defaults())))
                .containsExactly(FailureCode.OFAC_MATCH);
        assertThat(verify(flagged, Rules.defaults().withOfac(false)).valid()).isTrue();
    }

    @Test
    void aGenuineChipIsRequiredByDefaultAndByTheOlderConstructor() {
        assertThat(Rules.defaults().requireChipAuthentication()).isTrue();
        assertThat(new Rules(null, Set.of(), Set.of(), true, true, Set.of(DocumentType.PASSPORT)).requireChipAuthentication())
                .isTrue();
        Rules off = Rules.defaults().withRequireChipAuthentication(false);
        assertThat(off.requireChipAuthentication()).isFalse();
        assertThat(off.withMinimumAge(18).withOfac(false).requireChipAuthentication()).isFalse();
    }

    @Test
    void rulesRejectImpossibleConfigurations() {
        assertThatThrownBy(() -> Rules.defaults().withMinimumAge(121)).hasMessageContaining("minimumAge");
        assertThatThrownBy(() -> Rules.defaults().withCountries(Set.of("FRA"), Set.of("DEU"))).hasMessageContaining("not both");
        assertThatThrownBy(() -> Rules.defaults().withAcceptedDocumentTypes(Set.of())).hasMessageContaining("acceptedDocumentTypes");
    }
}
