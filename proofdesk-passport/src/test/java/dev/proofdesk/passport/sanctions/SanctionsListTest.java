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
        assertThat(list.size()).isEqualTo(9);
        assertThat(progress).last().isEqualTo(10L);
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
        // Listed without a country: matches under any nationality.
        assertThat(list.screen(doc("X", "Y", unrelated, "NC0001", "FRA"))).isPresent();
    }

    @Test
    void countryNamesTheListUsesMapToIcaoCodesAndTheRestAreReportedNotMatchedLoosely() throws Exception {
        LocalDate unrelated = LocalDate.of(2001, 1, 1);
        assertThat(list.screen(doc("X", "Y", unrelated, "K1234567", "HKG"))).isPresent();
        // A Hong Kong or Macao SAR passport says CHN in its MRZ.
        assertThat(list.screen(doc("X", "Y", unrelated, "K1234567", "CHN"))).isPresent();
        assertThat(list.screen(doc("X", "Y", unrelated, "MA0000001", "MAC"))).isPresent();
        assertThat(list.screen(doc("X", "Y", unrelated, "CZ7654321", "CZE"))).isPresent();
        assertThat(list.screen(doc("X", "Y", unrelated, "TT456789", "TTO"))).isPresent();
        assertThat(list.screen(doc("X", "Y", unrelated, "TT456789", "GBR"))).isEmpty();
        // "Atlantis" has no code: the passport is not matched under every nationality.
        assertThat(list.screen(doc("X", "Y", unrelated, "ZZ0001", "FRA"))).isEmpty();
        try (InputStream in = SanctionsListTest.class.getResourceAsStream("sdn-fixture.xml")) {
            assertThat(SanctionsList.parseSdnXml(in, n -> { }).unmappedCountries()).containsExactly("Atlantis", "Oz");
        }
    }

    @Test
    void everyCountryNameOfTheRealListHasAnIcaoCode() {
        SdnCountries countries = new SdnCountries();
        List<String> names = List.of("Afghanistan", "Albania", "Algeria", "Angola", "Antigua and Barbuda",
                "Argentina", "Armenia", "Aruba", "Australia", "Austria", "Azerbaijan", "Bahamas, The", "Bahrain",
                "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize", "Benin", "Bolivia",
                "Bosnia and Herzegovina", "Botswana", "Brazil", "Brunei", "Bulgaria", "Burkina Faso", "Burma",
                "Burundi", "Cambodia", "Cameroon", "Canada", "Cabo Verde", "Cayman Islands",
                "Central African Republic", "Chad", "Chile", "China", "Colombia", "Comoros",
                "Congo, Democratic Republic of the", "Congo, Republic of the", "Costa Rica", "Cote d'Ivoire",
                "Croatia", "Cuba", "Curacao", "Cyprus", "Czech Republic", "Czechia", "Denmark", "Djibouti",
                "Dominica", "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "Equatorial Guinea", "Eritrea",
                "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia, The", "Georgia",
                "Germany", "Ghana", "Gibraltar", "Greece", "Guatemala", "Guernsey", "Guinea", "Guinea-Bissau",
                "Guyana", "Haiti", "Honduras", "Hong Kong", "Hungary", "Iceland", "India", "Indonesia", "Iran",
                "Iraq", "Ireland", "Isle of Man", "Israel", "Italy", "Jamaica", "Japan", "Jersey", "Jordan",
                "Kazakhstan", "Kenya", "Korea, North", "Korea, South", "Kosovo", "Kuwait", "Kyrgyzstan", "Laos",
                "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg",
                "Macau", "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta", "Marshall Islands",
                "Mauritania", "Mauritius", "Mexico", "Micronesia, Federated States of", "Moldova", "Monaco",
                "Mongolia", "Montenegro", "Morocco", "Mozambique", "Namibia", "Nepal", "Netherlands",
                "Netherlands Antilles", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Macedonia",
                "Norway", "Oman", "Pakistan", "Palau", "Panama", "Papua New Guinea", "Paraguay", "Peru",
                "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia", "Rwanda",
                "Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines", "Samoa",
                "San Marino", "Sao Tome and Principe", "Saudi Arabia", "Senegal", "Serbia", "Seychelles",
                "Sierra Leone", "Singapore", "Sint Maarten", "Slovakia", "Slovenia", "Solomon Islands", "Somalia",
                "South Africa", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname", "Sweden", "Switzerland",
                "Syria", "Taiwan", "Tajikistan", "Tanzania", "Thailand", "Timor-Leste", "Togo", "Tonga",
                "Trinidad and Tobago", "Tunisia", "Turkey", "Turkiye", "Turkmenistan", "Uganda", "Ukraine",
                "United Arab Emirates", "United Kingdom", "United States", "Uruguay", "Uzbekistan", "Vanuatu",
                "Venezuela", "Vietnam", "Virgin Islands, British", "West Bank", "Yemen", "Zambia", "Zimbabwe",
                "Region: Gaza", "Palestinian", "Serbia and Montenegro", "Yugoslavia");
        assertThat(names).filteredOn(name -> countries.icao(name) == null).isEmpty();
        assertThat(countries.icao("Hong Kong")).isEqualTo("HKG");
        assertThat(countries.icao("Macau")).isEqualTo("MAC");
        assertThat(countries.icao("Czech Republic")).isEqualTo("CZE");
        assertThat(countries.icao("Trinidad and Tobago")).isEqualTo("TTO");
        assertThat(countries.icao("Kosovo")).isEqualTo("RKS");
        assertThat(countries.icao("Narnia")).isNull();
    }

    @Test
    void everyYearOfARangeMatchesByYearAndEveryListedDayByDate() {
        // "01 Jan 1953 to 31 Dec 1954": only 1953 used to be indexed, so a listed person born in 1954 passed.
        for (LocalDate born : List.of(LocalDate.of(1953, 2, 1), LocalDate.of(1954, 11, 30),
                LocalDate.of(1960, 6, 1), LocalDate.of(1961, 6, 1), LocalDate.of(1970, 8, 8))) {
            assertThat(list.screen(doc("RANGEMAN", "KARIM", born, "Q1", "UTO"))).as(born.toString())
                    .map(SanctionsMatch::reason).contains("name_and_year_of_birth");
        }
        // Several dateOfBirthItems, each a day or a short range of days.
        for (LocalDate born : List.of(LocalDate.of(1990, 5, 12), LocalDate.of(1985, 8, 1), LocalDate.of(1985, 8, 10))) {
            assertThat(list.screen(doc("RANGEMAN", "KARIM", born, "Q1", "UTO"))).as(born.toString())
                    .map(SanctionsMatch::reason).contains("name_and_date_of_birth");
        }
        for (LocalDate born : List.of(LocalDate.of(1952, 12, 31), LocalDate.of(1955, 1, 1), LocalDate.of(1962, 1, 1),
                LocalDate.of(1990, 5, 13), LocalDate.of(1985, 8, 11), LocalDate.of(1977, 1, 1))) {
            assertThat(list.screen(doc("RANGEMAN", "KARIM", born, "Q1", "UTO"))).as(born.toString()).isEmpty();
        }
    }

    @Test
    void circaMeansOneYearEitherSide() {
        for (int year : List.of(1979, 1980, 1981)) {
            assertThat(list.screen(doc("RANGEMAN", "KARIM", LocalDate.of(year, 4, 4), "Q1", "UTO"))).as("" + year)
                    .isPresent();
        }
        assertThat(list.screen(doc("RANGEMAN", "KARIM", LocalDate.of(1978, 4, 4), "Q1", "UTO"))).isEmpty();
        assertThat(list.screen(doc("RANGEMAN", "KARIM", LocalDate.of(1982, 4, 4), "Q1", "UTO"))).isEmpty();
    }

    @Test
    void everyDateFormOfTheListParses() {
        record Parsed(List<LocalDate> dates, List<Integer> years) {
        }
        java.util.function.Function<String, Parsed> parse = text -> {
            List<LocalDate> dates = new ArrayList<>();
            List<Integer> years = new ArrayList<>();
            SdnDates.parseInto(text, dates, years);
            return new Parsed(dates, years);
        };
        assertThat(parse.apply("12 Mar 1970")).isEqualTo(new Parsed(List.of(LocalDate.of(1970, 3, 12)), List.of()));
        assertThat(parse.apply("12 MAR 1970").dates()).containsExactly(LocalDate.of(1970, 3, 12));
        assertThat(parse.apply("Mar 1970")).isEqualTo(new Parsed(List.of(), List.of(1970)));
        assertThat(parse.apply("1970")).isEqualTo(new Parsed(List.of(), List.of(1970)));
        assertThat(parse.apply("1953 to 1954")).isEqualTo(new Parsed(List.of(), List.of(1953, 1954)));
        assertThat(parse.apply("01 Jan 1953 to 31 Dec 1954")).isEqualTo(new Parsed(List.of(), List.of(1953, 1954)));
        assertThat(parse.apply("Feb 1962 to Mar 1964").years()).containsExactly(1962, 1963, 1964);
        assertThat(parse.apply("circa 1960")).isEqualTo(new Parsed(List.of(), List.of(1959, 1960, 1961)));
        assertThat(parse.apply("circa 1960 to 1962").years()).containsExactly(1959, 1960, 1961, 1962, 1963);
        assertThat(parse.apply("30 Dec 1970 to 02 Jan 1971").dates()).containsExactly(LocalDate.of(1970, 12, 30),
                LocalDate.of(1970, 12, 31), LocalDate.of(1971, 1, 1), LocalDate.of(1971, 1, 2));
        assertThat(parse.apply("1970-03-12").dates()).containsExactly(LocalDate.of(1970, 3, 12));
        assertThat(parse.apply("unknown")).isEqualTo(new Parsed(List.of(), List.of()));
    }

    @Test
    void everyGivenNameOfTheMrzAmongTheListedOnesMatchesUnderTheSurname() {
        LocalDate dob = LocalDate.of(1987, 6, 14);
        // OFAC lists the patronymic; the Russian passport's MRZ leaves it out.
        assertThat(list.screen(doc("MALKEVICH", "ALEXANDER", dob, "Q1", "RUS"))).map(SanctionsMatch::entryUid)
                .contains("7006");
        assertThat(list.screen(doc("MALKEVICH", "ALEKSANDROVICH", dob, "Q1", "RUS"))).isPresent();
        assertThat(list.screen(doc("MALKEVICH", "ALEXANDER ALEKSANDROVICH", dob, "Q1", "RUS"))).isPresent();
        assertThat(list.screen(doc("MALKEVICH", "ALEXANDER", dob.plusDays(1), "Q1", "RUS"))).isEmpty();
        // A given name the list does not give, or the surname alone, is not him.
        assertThat(list.screen(doc("MALKEVICH", "ALEXANDER IVAN", dob, "Q1", "RUS"))).isEmpty();
        assertThat(list.screen(doc("MALKEVICH", "", dob, "Q1", "RUS"))).isEmpty();
        assertThat(list.screen(doc("ALEXANDER", "MALKEVICH", dob, "Q1", "RUS"))).isEmpty();
    }

    @Test
    void icaoTransliterationsMatchInBothDirections() {
        LocalDate soren = LocalDate.of(1966, 2, 2);
        // Listed as "Søren ØSTERGÅRD": Ø is OE or O, Å is AA or A.
        assertThat(list.screen(doc("OESTERGAARD", "SOEREN", soren, "Q1", "DNK"))).isPresent();
        assertThat(list.screen(doc("OSTERGARD", "SOREN", soren, "Q1", "DNK"))).isPresent();
        assertThat(list.screen(doc("OESTERGARD", "SOREN", soren, "Q1", "DNK"))).isPresent();
        // ß and ẞ are SS.
        assertThat(list.screen(doc("GROSS WEISS", "SOEREN", soren, "Q1", "D"))).isPresent();
        // Listed without umlauts as "Jorg KONIG"; a German MRZ writes KOENIG<<JOERG.
        LocalDate jorg = LocalDate.of(1960, 5, 5);
        assertThat(list.screen(doc("KOENIG", "JOERG", jorg, "Q1", "D"))).isPresent();
        assertThat(list.screen(doc("KONIG", "JORG", jorg, "Q1", "D"))).isPresent();
        assertThat(list.screen(doc("KOENIG", "JOERG", jorg.plusYears(1), "Q1", "D"))).isEmpty();
    }

    @Test
    void addedEntriesAreScreenedWithTheList() {
        LocalDate dob = LocalDate.of(1991, 9, 9);
        SanctionsList more = list.with(List.of(new SanctionsEntry("test-1",
                List.of(new SanctionsEntry.Name("Jane", "DOE")), List.of(dob), List.of(),
                List.of(new SanctionsEntry.Passport("AB1234567", "FRA")))));
        assertThat(more.size()).isEqualTo(list.size() + 1);
        assertThat(more.screen(doc("DOE", "JANE", dob, "C1", "FRA"))).map(SanctionsMatch::entryUid).contains("test-1");
        assertThat(more.screen(doc("X", "Y", LocalDate.of(2001, 1, 1), "AB1234567", "FRA"))).isPresent();
        assertThat(more.screen(doc("AL HASSAN", "OMAR", LocalDate.of(1965, 11, 3), "Q1", "UTO"))).isPresent();
        assertThat(list.screen(doc("DOE", "JANE", dob, "C1", "FRA"))).isEmpty();
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
