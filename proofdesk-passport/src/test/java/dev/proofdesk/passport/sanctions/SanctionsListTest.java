package dev.proofdesk.passport.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofdesk.passport.Document;
import dev.proofdesk.passport.DocumentType;
import dev.proofdesk.passport.Gender;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SanctionsListTest {
    static SanctionsList list;
    static List<Long> progress = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = SanctionsListTest.class.getResourceAsStream("sdn-fixture.xml")) {
            list = SanctionsList.fromSdnXml(in, progress::add);
        }
    }

    static Document doc(String surname, String given, LocalDate dob, String number, String nationality) {
        return new Document(DocumentType.PASSPORT, nationality, nationality, surname, given, number, dob,
                LocalDate.of(2030, 1, 1), Gender.UNSPECIFIED);
    }

    @Test
    void keepsIndividualsOnlyAndReportsProgress() {
        assertThat(list.size()).isEqualTo(4);
        assertThat(progress).last().isEqualTo(5L);
    }

    @Test
    void nameAndFullDateOfBirthInEitherOrderWithDiacriticsGone() {
        LocalDate dob = LocalDate.of(1965, 11, 3);
        assertThat(list.screen(doc("AL HASSAN", "OMAR", dob, "Q1", "UTO"))).map(SanctionsMatch::entryUid).contains("7001");
        assertThat(list.screen(doc("OMAR", "AL HASSAN", dob, "Q1", "UTO"))).isPresent();
        assertThat(list.screen(doc("AL HASSAN", "OMAR", dob.plusDays(1), "Q1", "UTO"))).isEmpty();
        // The alias "Ömer al-Ḥasan" as an MRZ writes it.
        assertThat(list.screen(doc("AL HASAN", "OMER", dob, "Q1", "UTO"))).map(SanctionsMatch::reason)
                .contains("name_and_date_of_birth");
    }

    @Test
    void umlautsMatchBothMrzSpellings() {
        LocalDate dob = LocalDate.of(1972, 1, 30);
        assertThat(list.screen(doc("MULLER", "JURGEN", dob, "Q1", "D"))).isPresent();
        assertThat(list.screen(doc("MUELLER", "JUERGEN", dob, "Q1", "D"))).isPresent();
    }

    @Test
    void yearOnlyAndCircaEntriesMatchByYear() {
        assertThat(list.screen(doc("OBRIEN", "SEAN", LocalDate.of(1958, 7, 7), "Q1", "IRL")))
                .map(SanctionsMatch::reason).contains("name_and_year_of_birth");
        assertThat(list.screen(doc("OBRIEN", "SEAN", LocalDate.of(1959, 7, 7), "Q1", "IRL"))).isEmpty();
        assertThat(list.screen(doc("PETROV", "IVAN", LocalDate.of(1976, 2, 2), "Q1", "RUS"))).isPresent();
        assertThat(list.screen(doc("PETROV", "IVAN", LocalDate.of(1978, 2, 2), "Q1", "RUS"))).isEmpty();
    }

    @Test
    void passportNumberWithNationalityNormalised() {
        LocalDate unrelated = LocalDate.of(2001, 1, 1);
        assertThat(list.screen(doc("X", "Y", unrelated, "K7734512", "IRN"))).map(SanctionsMatch::reason)
                .contains("passport_number");
        assertThat(list.screen(doc("X", "Y", unrelated, "K7734512", "IRQ"))).isEmpty();
        // Listed as "ab-12 3456" for North Korea.
        assertThat(list.screen(doc("X", "Y", unrelated, "AB123456", "PRK"))).isPresent();
        // Listed with a country the index does not know: matches under any nationality.
        assertThat(list.screen(doc("X", "Y", unrelated, "ZZ0001", "FRA"))).isPresent();
    }

    @Test
    void builtInTestListFlagsTheTestIdentity() {
        SanctionsList test = SanctionsList.testEnvironment();
        Document flagged = doc(SanctionsTestIdentity.SURNAME, SanctionsTestIdentity.GIVEN_NAMES,
                SanctionsTestIdentity.DATE_OF_BIRTH, "OTHER1", SanctionsTestIdentity.NATIONALITY);
        assertThat(test.screen(flagged)).map(SanctionsMatch::entryUid).contains("900001");
        Document byNumber = doc("SOMEONE", "ELSE", LocalDate.of(1990, 1, 1), SanctionsTestIdentity.DOCUMENT_NUMBER,
                SanctionsTestIdentity.NATIONALITY);
        assertThat(test.screen(byNumber)).map(SanctionsMatch::reason).contains("passport_number");
        assertThat(test.screen(doc("CLEAN", "PERSON", LocalDate.of(1990, 1, 1), "C1", "UTO"))).isEmpty();
    }
}
