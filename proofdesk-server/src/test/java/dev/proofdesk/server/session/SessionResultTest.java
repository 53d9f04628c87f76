package dev.proofdesk.server.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.http.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A session's result is stored and shown as this exact JSON: integrators and both SDKs read it. */
class SessionResultTest {
    private final ObjectMapper json = Json.mapper();

    private static final String INVALID = "{\"checks\":[{\"name\":\"passive_authentication\",\"passed\":true,"
            + "\"code\":null,\"skipped\":false},{\"name\":\"document_signer_revocation\",\"passed\":true,"
            + "\"code\":null,\"skipped\":true},{\"name\":\"minimum_age\",\"passed\":false,"
            + "\"code\":\"age_below_minimum\",\"skipped\":false}],\"attributes\":{\"nationality\":\"NLD\","
            + "\"dateOfBirth\":\"2010-01-02\",\"fullName\":null},\"nullifier\":\"n1\","
            + "\"chipAuthentication\":\"active_authentication\",\"warnings\":[\"no CRL\"]}";

    @Test
    void aStoredResultReadsAndWritesBackToTheSameBytes() throws Exception {
        SessionResult result = SessionResult.read(json.readTree(INVALID));

        assertThat(json.writeValueAsString(result)).isEqualTo(INVALID);
        assertThat(result.failed()).extracting(SessionResult.Check::code).containsExactly("age_below_minimum");
        assertThat(result.checks()).extracting(SessionResult.Check::outcome)
                .containsExactly("passed", "skipped", "failed");
    }

    @Test
    void anErrorCarriesItsCodeAndMessageLast() throws Exception {
        String error = "{\"checks\":[],\"attributes\":{},\"nullifier\":null,\"chipAuthentication\":\"none\","
                + "\"warnings\":[],\"error\":\"document_malformed\",\"errorMessage\":\"DG1 is not TLV\"}";

        assertThat(json.writeValueAsString(SessionResult.read(json.readTree(error)))).isEqualTo(error);
    }

    @Test
    void anInterruptedSubmissionHasNoChipAuthenticationAndNoMessage() throws Exception {
        assertThat(json.writeValueAsString(SessionResult.interrupted())).isEqualTo("{\"checks\":[],\"attributes\":{},"
                + "\"nullifier\":null,\"warnings\":[],\"error\":\"processing_interrupted\"}");
    }

    @Test
    void withCheckAppendsAfterTheOthersAndLeavesTheOriginalAlone() throws Exception {
        SessionResult result = SessionResult.read(json.readTree(INVALID));

        SessionResult extended = result.withCheck(
                new SessionResult.Check("uniqueness", false, "document_already_used", false));

        assertThat(json.writeValueAsString(extended)).isEqualTo(INVALID.replace("\"skipped\":false}],",
                "\"skipped\":false},{\"name\":\"uniqueness\",\"passed\":false,\"code\":\"document_already_used\","
                        + "\"skipped\":false}],"));
        assertThat(result.checks()).hasSize(3);
    }

    @Test
    void aResultRecordedBeforeSkippedChecksReadsThemAsRun() throws Exception {
        SessionResult old = SessionResult.read(json.readTree(
                "{\"checks\":[{\"name\":\"ofac\",\"passed\":false,\"code\":\"ofac_match\"}],\"attributes\":{},"
                        + "\"nullifier\":null,\"warnings\":[]}"));

        assertThat(old.checks()).containsExactly(new SessionResult.Check("ofac", false, "ofac_match", false));
        assertThat(old.chipAuthentication()).isNull();
    }
}
