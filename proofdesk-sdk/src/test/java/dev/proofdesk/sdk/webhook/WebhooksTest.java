package dev.proofdesk.sdk.webhook;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhooksTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String TEST_SECRET = secret("whsec_test_", 1);
    private static final String OTHER_TEST_SECRET = secret("whsec_test_", 2);
    private static final String LIVE_SECRET = secret("whsec_live_", 3);

    private static String secret(String tag, int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return tag + Base64.getEncoder().encodeToString(key);
    }

    private static String body(String id, boolean livemode) {
        return "{\"id\":\"" + id + "\",\"type\":\"verification.completed\",\"createdAt\":\"2026-05-01T11:59:59Z\","
                + "\"livemode\":" + livemode + ",\"data\":{\"id\":\"s1\",\"status\":\"valid\"}}";
    }

    @Test
    void acceptsASignedEventAndReturnsItTyped() {
        String body = body("evt_1", false);
        Map<String, String> headers = Webhooks.signatureHeaders("evt_1", NOW, body, TEST_SECRET);
        WebhookEvent event = Webhooks.constructEvent(body, headers, TEST_SECRET, CLOCK);
        assertThat(event.id()).isEqualTo("evt_1");
        assertThat(event.type()).isEqualTo("verification.completed");
        assertThat(event.livemode()).isFalse();
        assertThat(event.data().path("status").asText()).isEqualTo("valid");
    }

    @Test
    void headerNamesAreMatchedWhateverTheirCase() {
        String body = body("evt_1", false);
        Map<String, Object> headers = new HashMap<>();
        Webhooks.signatureHeaders("evt_1", NOW, body, TEST_SECRET)
                .forEach((k, v) -> headers.put(k.toUpperCase(), java.util.List.of(v)));
        assertThat(Webhooks.constructEvent(body, headers, TEST_SECRET, CLOCK).id()).isEqualTo("evt_1");
    }

    @Test
    void duringARotationEitherSecretVerifies() {
        String body = body("evt_2", false);
        Map<String, String> headers = Webhooks.signatureHeaders("evt_2", NOW, body, OTHER_TEST_SECRET, TEST_SECRET);
        assertThat(headers.get("webhook-signature").split(" ")).hasSize(2);
        assertThat(Webhooks.constructEvent(body, headers, TEST_SECRET, CLOCK).id()).isEqualTo("evt_2");
        assertThat(Webhooks.constructEvent(body, headers, OTHER_TEST_SECRET, CLOCK).id()).isEqualTo("evt_2");
    }

    @Test
    void refusesATamperedBodyAWrongSecretAndAMissingHeader() {
        String body = body("evt_3", false);
        Map<String, String> headers = Webhooks.signatureHeaders("evt_3", NOW, body, TEST_SECRET);
        assertThatThrownBy(() -> Webhooks.constructEvent(body.replace("valid", "invalid"), headers, TEST_SECRET, CLOCK))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No signature matches");
        assertThatThrownBy(() -> Webhooks.constructEvent(body, headers, OTHER_TEST_SECRET, CLOCK))
                .isInstanceOf(WebhookVerificationException.class);
        Map<String, String> noId = new HashMap<>(headers);
        noId.remove("webhook-id");
        assertThatThrownBy(() -> Webhooks.constructEvent(body, noId, TEST_SECRET, CLOCK))
                .hasMessageContaining("webhook-id");
    }

    @Test
    void refusesTimestampsMoreThanFiveMinutesAwayInEitherDirection() {
        String body = body("evt_4", false);
        Map<String, String> old = Webhooks.signatureHeaders("evt_4", NOW.minus(Duration.ofMinutes(6)), body, TEST_SECRET);
        Map<String, String> future = Webhooks.signatureHeaders("evt_4", NOW.plus(Duration.ofMinutes(6)), body,
                TEST_SECRET);
        Map<String, String> edge = Webhooks.signatureHeaders("evt_4", NOW.minus(Duration.ofMinutes(5)), body,
                TEST_SECRET);
        assertThatThrownBy(() -> Webhooks.constructEvent(body, old, TEST_SECRET, CLOCK)).hasMessageContaining("old");
        assertThatThrownBy(() -> Webhooks.constructEvent(body, future, TEST_SECRET, CLOCK))
                .hasMessageContaining("in the future");
        assertThat(Webhooks.constructEvent(body, edge, TEST_SECRET, CLOCK).id()).isEqualTo("evt_4");
    }

    @Test
    void refusesAnEventOfTheOtherEnvironmentEvenWhenItsSignatureMatches() {
        String testBody = body("evt_5", false);
        // signed with a live-tagged secret over a test event: the key matches, the environment does not
        Map<String, String> headers = Webhooks.signatureHeaders("evt_5", NOW, testBody, LIVE_SECRET);
        assertThatThrownBy(() -> Webhooks.constructEvent(testBody, headers, LIVE_SECRET, CLOCK))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("test event").hasMessageContaining("live");
    }

    @Test
    void refusesSecretsWithoutAnEnvironmentTagSayingWhatToDo() {
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_" + TEST_SECRET.substring(11)))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("no environment tag")
                .hasMessageContaining("converted for a Standard Webhooks library")
                .hasMessageContaining("exactly as Proofdesk issued it");
        assertThatThrownBy(() -> WebhookSecret.parse("sk_test_" + "A".repeat(38)))
                .hasMessageContaining("An API key was given as the webhook secret");
        assertThatThrownBy(() -> WebhookSecret.parse("secret"))
                .hasMessageContaining("must start with whsec_test_ or whsec_live_");
        assertThat(WebhookSecret.parse(LIVE_SECRET).livemode()).isTrue();
        assertThat(WebhookSecret.parse(LIVE_SECRET).text()).isEqualTo(LIVE_SECRET);
    }
}
