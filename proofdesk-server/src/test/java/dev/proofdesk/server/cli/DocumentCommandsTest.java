package dev.proofdesk.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.passport.mock.MockIssuer;
import dev.proofdesk.server.Application;
import dev.proofdesk.server.apikey.FirstStart;
import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static dev.proofdesk.server.support.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

/** mock-passport, trust and sanctions commands against the stores a server uses. */
class DocumentCommandsTest {

    private static void firstStart(Path dir) {
        var config = new ConfigLoader(Map.of()).load(0, dir, null);
        try (Application app = Application.open(config, Clock.systemUTC())) {
            new FirstStart(app.accounts(), app.apiKeys()).run().orElseThrow();
        }
    }

    @Test
    void mockPassportCreatePrintsTheDocumentWithItsChipFiles(@TempDir Path dir) throws Exception {
        firstStart(dir);
        Run r = run("mock-passport", "create", "--nationality", "FRA", "--age", "25", "--ofac", "clear",
                "--signature-algorithm", "RSA-PSS", "--data-dir", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode passport = new ObjectMapper().readTree(r.out());
        assertThat(passport.path("nationality").asText()).isEqualTo("FRA");
        assertThat(passport.path("signatureAlgorithm").asText()).isEqualTo("RSA-PSS");
        assertThat(passport.path("chip").path("sod").asText()).isNotEmpty();

        Run bad = run("mock-passport", "create", "--nationality", "DEU", "--data-dir", dir.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("Germany as 'D'");
    }

    @Test
    void mockPassportCreateChoosesHowTheChipProvesItselfAndOpens(@TempDir Path dir) throws Exception {
        firstStart(dir);
        Run r = run("mock-passport", "create", "--document-type", "id_card", "--chip-authentication", "chip",
                "--access-control", "pace", "--data-dir", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode card = new ObjectMapper().readTree(r.out());
        assertThat(card.path("chipAuthentication").asText()).isEqualTo("chip");
        assertThat(card.path("accessControl").asText()).isEqualTo("pace");
        assertThat(card.path("can").asText()).matches("\\d{6}");

        Run bad = run("mock-passport", "create", "--access-control", "nfc", "--data-dir", dir.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("accessControl").contains("[bac, pace, both]");
    }

    @Test
    void trustImportAddsACscaToLiveAndReportsItsCountry(@TempDir Path dir) throws Exception {
        firstStart(dir);
        Path der = dir.resolve("csca.der");
        try (MockIssuer authority = MockIssuer.create(Clock.systemUTC())) {
            Files.write(der, authority.cscaCertificate().getEncoded());
        }
        Run imported = run("trust", "import", der.toString(), "--env", "live", "--data-dir", dir.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("1 new CSCA certificate").contains("Countries added: UT");
        Run again = run("trust", "import", der.toString(), "--env", "live", "--data-dir", dir.toString());
        assertThat(again.out()).contains("1 already trusted").contains("No new countries");
        Run list = run("trust", "list", "--env", "live", "--data-dir", dir.toString());
        assertThat(list.out()).contains("UT ").contains("1 certificate(s).");
        assertThat(run("trust", "list", "--env", "test", "--data-dir", dir.toString()).out()).contains("0 certificate(s)");

        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        Run refused = run("trust", "import", junk.toString(), "--env", "live", "--data-dir", dir.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("neither a signed CSCA master list");
    }

    @Test
    void sanctionsImportReplacesTheListInForce(@TempDir Path dir) throws Exception {
        firstStart(dir);
        Path xml = Files.writeString(dir.resolve("sdn.xml"), """
                <?xml version="1.0" standalone="yes"?>
                <sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
                  <sdnEntry>
                    <uid>1</uid><firstName>Élodie</firstName><lastName>D'ARCY-LEFÈVRE</lastName><sdnType>Individual</sdnType>
                    <idList><id><uid>2</uid><idType>Passport</idType><idNumber>ab 12345</idNumber><idCountry>France</idCountry></id>
                      <id><uid>4</uid><idType>Passport</idType><idNumber>77</idNumber><idCountry>Freedonia</idCountry></id></idList>
                    <dateOfBirthList><dateOfBirthItem><uid>3</uid><dateOfBirth>1985</dateOfBirth></dateOfBirthItem></dateOfBirthList>
                  </sdnEntry>
                </sdnList>
                """);
        Run r = run("sanctions", "import", xml.toString(), "--env", "live", "--data-dir", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Imported 1 listed individuals into live")
                .contains("Country names without an ICAO code (passports listed under them are not screened by number): "
                        + "Freedonia");
        var config = new ConfigLoader(Map.of()).load(0, dir, null);
        try (Application app = Application.open(config, Clock.systemUTC())) {
            assertThat(app.environment(Environment.LIVE).sanctions().current().size()).isEqualTo(1);
            assertThat(app.environment(Environment.TEST).sanctions().current().size())
                    .as("test keeps its built-in list").isGreaterThan(0);
        }
        Path empty = Files.writeString(dir.resolve("empty.xml"), "<sdnList/>");
        Run refused = run("sanctions", "import", empty.toString(), "--env", "live", "--data-dir", dir.toString());
        assertThat(refused.exit()).isEqualTo(1);
    }
}
