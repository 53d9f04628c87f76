package com.example.proofdesk;

import dev.proofdesk.sdk.Proofdesk;
import dev.proofdesk.sdk.session.Session;
import dev.proofdesk.sdk.session.SessionCreateParams;
import dev.proofdesk.sdk.testhelper.MockPassport;
import dev.proofdesk.sdk.testhelper.MockPassportCreateParams;
import dev.proofdesk.sdk.webhook.WebhookEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI pattern: create a session, complete it with a mock passport through the test helpers,
 * and assert that our webhook handler received a correctly signed verification.completed.
 *
 * Needs PROOFDESK_API_KEY (sk_test_…), PROOFDESK_FLOW_ID (a published flow) and
 * PROOFDESK_WEBHOOK_SECRET (the secret that signs what reaches http://localhost:3000/hooks: an
 * endpoint's, or {@code proofdesk listen --print-secret}); PROOFDESK_API_URL defaults to
 * http://localhost:8080 and PROOFDESK_HANDLER_PORT to 3000.
 */
class VerificationWebhookTest {

    @Test
    void aCompletedVerificationReachesTheHandlerSignedAndWithTheSession() throws Exception {
        String flowId = required("PROOFDESK_FLOW_ID");
        int port = Integer.parseInt(System.getenv().getOrDefault("PROOFDESK_HANDLER_PORT", "3000"));
        try (Proofdesk proofdesk = Proofdesk.builder()
                .apiKey(required("PROOFDESK_API_KEY"))
                .baseUrl(System.getenv().getOrDefault("PROOFDESK_API_URL", "http://localhost:8080"))
                .build();
             WebhookHandler handler = new WebhookHandler(port, required("PROOFDESK_WEBHOOK_SECRET"))) {
            String user = UUID.randomUUID().toString();
            Session session = proofdesk.sessions().create(SessionCreateParams.builder()
                    .flowId(flowId).externalUuid(user).build());
            MockPassport passport = proofdesk.testHelpers().mockPassports().create(
                    MockPassportCreateParams.builder().nationality("FRA").age(30).build());

            proofdesk.testHelpers().sessions().complete(session.id(), passport.id());

            WebhookEvent event = handler.await(e -> e.type().equals("verification.completed")
                    && e.data().path("id").asText().equals(session.id()), Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("no verified verification.completed for session "
                            + session.id() + " within 60 s; rejected requests: " + handler.rejected()));
            assertThat(event.livemode()).isFalse();
            assertThat(event.data().path("status").asText()).isEqualTo("valid");
            assertThat(event.data().path("externalUuid").asText()).isEqualTo(user);
            assertThat(event.data().path("result").path("checks")).isNotEmpty()
                    .allSatisfy(check -> assertThat(check.path("passed").asBoolean()).isTrue());
            assertThat(event.data().path("result").path("attributes").path("nationality").asText())
                    .isEqualTo("FRA");
            assertThat(handler.rejected()).isEmpty();
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; see run.sh in this directory");
        }
        return value;
    }
}
