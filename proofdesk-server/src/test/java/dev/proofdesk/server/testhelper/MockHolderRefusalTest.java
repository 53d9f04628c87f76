package dev.proofdesk.server.testhelper;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.relay.RelayClient;
import dev.proofdesk.server.relay.RelayError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the test helper's {@code complete} answers when the relay of a mock passport's chip ends without a verdict. */
class MockHolderRefusalTest {
    private static final Set<RelayError> CONFLICTS = Set.of(RelayError.SESSION_NOT_PENDING, RelayError.RELAY_BUSY);

    @ParameterizedTest
    @EnumSource(RelayError.class)
    void everyRelayErrorIsRecognisedByItsCodeAndAnswered(RelayError error) {
        RelayClient.Outcome.Refused refused = new RelayClient.Outcome.Refused(error.code(), "why");
        assertThat(refused.relayError()).contains(error);

        ApiException answer = MockHolder.refusal("ses_1", refused);
        if (CONFLICTS.contains(error)) {
            assertThat(answer.status()).isEqualTo(409);
        } else {
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.getMessage()).contains(error.code()).contains("why");
        }
    }

    @Test
    void aSessionGoneAtTheHandshakeIsNotFoundAndABrokenConnectionIsOurs() {
        assertThat(MockHolder.refusal("ses_1", new RelayClient.Outcome.Refused("not_found", "gone")).status()).isEqualTo(404);
        RelayClient.Outcome.Refused dropped = new RelayClient.Outcome.Refused("connection_closed", "closed");
        assertThat(dropped.relayError()).isEmpty();
        assertThat(MockHolder.refusal("ses_1", dropped).status()).isEqualTo(500);
    }
}
