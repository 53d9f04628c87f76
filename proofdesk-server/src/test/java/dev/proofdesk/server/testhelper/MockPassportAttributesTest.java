package dev.proofdesk.server.testhelper;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.passport.Document;
import dev.proofdesk.passport.DocumentType;
import dev.proofdesk.passport.Gender;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every attribute of a mock passport independent of the others, within what an MRZ can carry. */
class MockPassportAttributesTest {

    private static String ofacFlow(HttpApi http, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Screened");
        body.put("product", "pre_kyc");
        body.put("rules", Map.of("ofac", true));
        body.put("documents", List.of("passport"));
        return Fixtures.publishedFlow(http, key, body);
    }

    private static List<String> failedCodes(JsonNode session) {
        List<String> codes = new ArrayList<>();
        session.path("result").path("checks").forEach(c -> {
            if (!c.path("passed").asBoolean()) {
                codes.add(c.path("code").asText());
            }
        });
        return codes;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aFlaggedMockWithAnyIdentityIsListedInItsAccountsTestEnvironmentOnly(Db db) {
        TestServer server = TestServer.shared(db);
        HttpApi http = server.http();
        TestAccount account = server.newAccount();
        String key = account.testKey();
        String flow = ofacFlow(http, key);
        Map<String, Object> identity = Map.of("fullName", "Marta Ines Quintero", "age", 44, "nationality", "COL",
                "documentNumber", "AQ4455667");

        Map<String, Object> flaggedAttributes = new HashMap<>(identity);
        flaggedAttributes.put("ofac", "flagged");
        JsonNode flagged = Fixtures.mockPassport(http, key, flaggedAttributes);
        assertThat(flagged.path("surname").asText()).isEqualTo("QUINTERO");
        assertThat(flagged.path("givenNames").asText()).isEqualTo("MARTA INES");
        assertThat(flagged.path("nationality").asText()).isEqualTo("COL");
        assertThat(flagged.path("documentNumber").asText()).isEqualTo("AQ4455667");
        assertThat(flagged.path("ofac").asText()).isEqualTo("flagged");
        JsonNode done = Fixtures.complete(http, key, Fixtures.session(http, key, flow), flagged.path("id").asText());
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("invalid");
        assertThat(failedCodes(done)).containsExactly("ofac_match");

        // The same person on another document number is listed by name and date of birth too.
        Map<String, Object> sameHolder = new HashMap<>(identity);
        sameHolder.put("documentNumber", "ZZ1");
        sameHolder.put("dateOfBirth", flagged.path("dateOfBirth").asText());
        sameHolder.remove("age");
        JsonNode renewed = Fixtures.mockPassport(http, key, sameHolder);
        assertThat(failedCodes(Fixtures.complete(http, key, Fixtures.session(http, key, flow),
                renewed.path("id").asText()))).containsExactly("ofac_match");

        // Another account's list is its own: the same identity is clear there.
        TestAccount other = server.newAccount();
        JsonNode elsewhere = Fixtures.mockPassport(http, other.testKey(), identity);
        JsonNode clear = Fixtures.complete(http, other.testKey(),
                Fixtures.session(http, other.testKey(), ofacFlow(http, other.testKey())), elsewhere.path("id").asText());
        assertThat(clear.path("status").asText()).as(clear.toString()).isEqualTo("valid");

        // Live's list never changes with a mock.
        Document same = new Document(DocumentType.PASSPORT, "COL", "COL", "QUINTERO", "MARTA INES", "AQ4455667",
                LocalDate.parse(flagged.path("dateOfBirth").asText()), LocalDate.of(2031, 1, 1), Gender.FEMALE);
        assertThat(server.app().environment(Environment.LIVE).sanctions()
                .current(account.id()).screen(same)).isEmpty();
        assertThat(server.app().environment(Environment.TEST).sanctions()
                .current(account.id()).screen(same)).isPresent();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void datesATwoDigitMrzYearCannotCarryAreRefused(Db db) {
        TestServer server = TestServer.shared(db);
        HttpApi http = server.http();
        String key = server.newAccount().testKey();
        record Case(Map<String, Object> body, String path, String message) {
        }
        List<Case> cases = List.of(
                new Case(Map.of("dateOfBirth", "1920-05-01"), "dateOfBirth", "reads back as 2020-05-01"),
                new Case(Map.of("age", 100), "age", "must be from 0 to 99"),
                new Case(Map.of("expiryDate", "2080-01-01"), "expiryDate", "reads back as 1980-01-01"),
                new Case(Map.of("expiryDate", "1960-01-01"), "expiryDate", "reads back as 2060-01-01"),
                new Case(Map.of("expiryDate", "2100-01-01"), "expiryDate", "must be from 1900 to 2099"),
                new Case(Map.of("expiryDate", "1899-12-31"), "expiryDate", "must be from 1900 to 2099"));
        for (Case c : cases) {
            HttpApi.Response r = http.post("/v1/test_helpers/mock_passports", key, c.body());
            assertThat(r.status()).as(c + " → " + r).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("validation_failed");
            JsonNode issue = r.body().path("error").path("details").path("issues").path(0);
            assertThat(issue.path("path").asText()).as(r.toString()).isEqualTo(c.path());
            assertThat(issue.path("message").asText()).as(r.toString()).contains(c.message());
        }
        LocalDate oldest = LocalDate.now().minusYears(99);
        JsonNode ok = Fixtures.mockPassport(http, key, Map.of("dateOfBirth", oldest.toString(),
                "expiryDate", LocalDate.now().plusYears(20).toString()));
        assertThat(ok.path("dateOfBirth").asText()).isEqualTo(oldest.toString());
    }
}
