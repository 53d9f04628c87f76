package dev.proofdesk.server.relay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.passport.emulator.ChipEmulator;
import dev.proofdesk.passport.mock.ChipAccess;
import dev.proofdesk.passport.mock.ChipAuthentication;
import dev.proofdesk.passport.mock.ChipProtocols;
import dev.proofdesk.passport.mock.ChipProtocols.ChipAuth;
import dev.proofdesk.passport.mock.ChipProtocols.Pace;
import dev.proofdesk.passport.mock.Defect;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.RelayProbe;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chips of every PACE and Chip Authentication variant, issued by this server's mock issuer and
 * relayed by a reader of our own through a real relay WebSocket: PACE-CAM (recent German
 * documents), Diffie-Hellman and 3DES. PACE-CAM reports {@code chip_authentication}; a cloned
 * PACE-CAM chip is not genuine.
 */
class ChipRelayProtocolsTest {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private record Case(ChipProtocols protocols, Defect defect, String status, List<String> failures) {
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void everyProtocolVariantReachesItsVerdictThroughTheRelay(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        String flow = Fixtures.publishedFlow(server.http(), account.testKey(), ChipRelayProfilesTest.flow(true));
        List<Case> cases = List.of(
                new Case(new ChipProtocols(Pace.ECDH_CAM_AES, ChipAuth.ECDH_AES), Defect.NONE, "valid", List.of()),
                new Case(new ChipProtocols(Pace.DH_GM_3DES, ChipAuth.DH_3DES), Defect.NONE, "valid", List.of()),
                new Case(new ChipProtocols(Pace.ECDH_GM_3DES, ChipAuth.ECDH_3DES), Defect.NONE, "valid", List.of()),
                new Case(new ChipProtocols(Pace.ECDH_CAM_AES, ChipAuth.ECDH_AES), Defect.CLONED_CHIP, "invalid",
                        List.of("chip_not_genuine")));
        for (Case c : cases) {
            MockDocument doc = server.app().mockIssuer().issue(MockDocumentSpec.passport(LocalDate.of(1986, 5, 17),
                    SignatureAlgorithm.ECDSA_P256).withChipAuthentication(ChipAuthentication.CHIP)
                    .withAccessControl(ChipAccess.PACE).withDefect(c.defect()), c.protocols());
            JsonNode session = server.http().post("/v1/sessions", account.testKey(), Map.of("flowId", flow)).body();
            Reader reader = new Reader();
            JsonNode result;
            try (RelayProbe probe = RelayProbe.open(server.baseUrl(), session.path("id").asText(),
                    session.path("clientSecret").asText())) {
                probe.send(Map.of("type", "access", "documentNumber", doc.document().documentNumber(),
                        "dateOfBirth", YYMMDD.format(doc.document().dateOfBirth()),
                        "dateOfExpiry", YYMMDD.format(doc.document().expirationDate())));
                result = reader.relay(probe, ChipEmulator.fromImage(doc.chipImage()));
            }
            assertThat(result.path("type").asText()).as(c + " → " + result).isEqualTo("result");
            assertThat(result.path("status").asText()).as(c + " → " + result).isEqualTo(c.status());
            JsonNode done = server.http().get("/v1/sessions/" + session.path("id").asText(), account.testKey()).body();
            assertThat(ChipRelayProfilesTest.failedCodes(done)).as(c.toString()).containsExactlyElementsOf(c.failures());
            if (c.failures().isEmpty()) {
                assertThat(result.path("chipAuthentication").asText()).as(c.toString()).isEqualTo("chip_authentication");
            }
        }
    }
}
