package dev.proofdesk.server.verification;

import dev.proofdesk.passport.Document;
import dev.proofdesk.passport.DocumentType;
import dev.proofdesk.passport.Gender;
import dev.proofdesk.passport.sanctions.SanctionsList;
import dev.proofdesk.passport.sanctions.SanctionsMatch;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A sanctions list as stored: imported, read back by another process, and lists stored by earlier versions. */
class SanctionsStoreTest {
    private static final String SDN = """
            <?xml version="1.0" standalone="yes"?>
            <sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
              <sdnEntry>
                <uid>1</uid><firstName>Alexander Aleksandrovich</firstName><lastName>MALKEVICH</lastName>
                <sdnType>Individual</sdnType>
                <idList><id><uid>2</uid><idType>Passport</idType><idNumber>HK 998877</idNumber><idCountry>Hong Kong</idCountry></id>
                  <id><uid>3</uid><idType>Passport</idType><idNumber>QQ1</idNumber><idCountry>Freedonia</idCountry></id></idList>
                <dateOfBirthList>
                  <dateOfBirthItem><uid>4</uid><dateOfBirth>01 Jan 1953 to 31 Dec 1954</dateOfBirth></dateOfBirthItem>
                  <dateOfBirthItem><uid>5</uid><dateOfBirth>14 Jun 1987</dateOfBirth></dateOfBirthItem>
                </dateOfBirthList>
              </sdnEntry>
            </sdnList>
            """;

    private static Document mrz(String surname, String given, LocalDate born, String number, String nationality) {
        return new Document(DocumentType.PASSPORT, nationality, nationality, surname, given, number, born,
                LocalDate.of(2031, 1, 1), Gender.MALE);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anImportScreensEveryYearOfARangeAndPartialNamesWhenReadBackFromTheStore(Db db) {
        try (TestServer server = TestServer.start(db, Clock.systemUTC(), Map.of())) {
            var imported = server.app().environment(Environment.LIVE).sanctions().importSdnXml("sdn.xml",
                    new ByteArrayInputStream(SDN.getBytes(StandardCharsets.UTF_8)), n -> { });
            assertThat(imported.entries()).isEqualTo(1);
            assertThat(imported.unmappedCountries()).containsExactly("Freedonia");

            // Another process (a server next to the importing command) reads it from the store.
            SanctionsList list = fresh(server, Environment.LIVE).current();
            assertThat(list.screen(mrz("MALKEVICH", "ALEXANDER", LocalDate.of(1954, 7, 1), "X1", "RUS")))
                    .map(SanctionsMatch::reason).contains("name_and_year_of_birth");
            assertThat(list.screen(mrz("MALKEVICH", "ALEXANDER", LocalDate.of(1987, 6, 14), "X1", "RUS")))
                    .map(SanctionsMatch::reason).contains("name_and_date_of_birth");
            assertThat(list.screen(mrz("MALKEVICH", "ALEXANDER", LocalDate.of(1955, 7, 1), "X1", "RUS"))).isEmpty();
            assertThat(list.screen(mrz("OTHER", "PERSON", LocalDate.of(1990, 1, 1), "HK998877", "HKG"))).isPresent();
            assertThat(list.screen(mrz("OTHER", "PERSON", LocalDate.of(1990, 1, 1), "QQ1", "FRA"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aListStoredBeforeNamesWereSplitStillScreensWholeNames(Db db) {
        try (TestServer server = TestServer.start(db, Clock.systemUTC(), Map.of())) {
            Store store = server.app().environment(Environment.LIVE).store();
            store.writeVoid(h -> h.createUpdate("""
                    INSERT INTO sanctions_lists (id, source, entry_count, entries, imported_at)
                    VALUES ('019a0000-0000-7000-8000-000000000001', 'SDN.XML', 1, :entries, 1)""")
                    .bind("entries", """
                            [{"uid":"7","names":["Omar AL-HASSAN","Ömer al-Ḥasan"],"birthDates":["1965-11-03"],\
                            "birthYears":[],"passports":[{"number":"K7734512","country":"IRN"}]}]""")
                    .execute());
            SanctionsList list = fresh(server, Environment.LIVE).current();
            LocalDate born = LocalDate.of(1965, 11, 3);
            assertThat(list.screen(mrz("AL HASSAN", "OMAR", born, "X1", "IRQ"))).isPresent();
            assertThat(list.screen(mrz("AL HASAN", "OMER", born, "X1", "IRQ"))).isPresent();
            assertThat(list.screen(mrz("X", "Y", born.plusYears(20), "K7734512", "IRN"))).isPresent();
        }
    }

    private static SanctionsStore fresh(TestServer server, Environment env) {
        return new SanctionsStore(server.app().environment(env).store(), Clock.systemUTC(),
                server.app().json(), SanctionsList::empty);
    }
}
