package dev.proofdesk.sdk;

import dev.proofdesk.sdk.exception.LiveKeyInTestEnvironmentException;
import dev.proofdesk.sdk.exception.MalformedApiKeyException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Don't put a live key in a test environment", enforced when the client is built. */
class LiveKeyGuardTest {
    private static final String LIVE_KEY = "sk_live_" + "B".repeat(32) + ApiKeys.checksum("sk_live_" + "B".repeat(32));
    private static final String URL = "http://127.0.0.1:9";

    @Test
    void refusesALiveKeyInThisVeryTestRunWithTheReasonAndTheWayOut() {
        assertThatThrownBy(() -> Proofdesk.builder().apiKey(LIVE_KEY).baseUrl(URL).build())
                .isInstanceOfSatisfying(LiveKeyInTestEnvironmentException.class, e -> {
                    assertThat(e.statusCode()).isZero();
                    assertThat(e.code()).isEqualTo("live_key_in_test_environment");
                    assertThat(e.getMessage()).contains("looks like a test or CI run").contains(e.reason())
                            .contains(".allowLiveKeyInTestEnvironment(true)").doesNotContain(LIVE_KEY.substring(8));
                });
    }

    @Test
    void theExplicitOptInAndTestKeysAreLetThrough() {
        try (Proofdesk live = Proofdesk.builder().apiKey(LIVE_KEY).baseUrl(URL).allowLiveKeyInTestEnvironment(true)
                .build()) {
            assertThat(live.livemode()).isTrue();
        }
        try (Proofdesk test = Proofdesk.builder().apiKey(ForwardCompatibilityTest.KEY).baseUrl(URL).build()) {
            assertThat(test.livemode()).isFalse();
        }
    }

    @Test
    void eachSignOfATestOrCiRunIsNamed() {
        Map<String, String> none = Map.of();
        assertThat(TestEnvironment.reason(none, p -> null, c -> false)).isEmpty();
        assertThat(TestEnvironment.reason(Map.of("CI", "false"), p -> null, c -> false)).isEmpty();
        assertThat(TestEnvironment.reason(Map.of("CI", "0"), p -> null, c -> false)).isEmpty();
        assertThat(TestEnvironment.reason(Map.of("CI", "true"), p -> null, c -> false)).contains("CI=true is set");
        assertThat(TestEnvironment.reason(Map.of("NODE_ENV", "test"), p -> null, c -> false))
                .contains("NODE_ENV=test is set");
        assertThat(TestEnvironment.reason(none, p -> p.equals("surefire.test.class.path") ? "x" : null, c -> false))
                .hasValueSatisfying(r -> assertThat(r).contains("surefire.test.class.path"));
        assertThat(TestEnvironment.reason(none, p -> null, c -> c.equals("org.junit.platform.launcher.Launcher")))
                .hasValueSatisfying(r -> assertThat(r).contains("test runner", "org.junit.platform.launcher.Launcher"));
        assertThat(TestEnvironment.reason(none, p -> null, c -> c.equals("org.testng.TestNG")))
                .isNotEqualTo(Optional.empty());
        assertThat(TestEnvironment.current()).as("Surefire runs this test").isPresent();
    }

    @Test
    void aWebhookSecretGivenAsTheKeySaysWhereItBelongs() {
        assertThatThrownBy(() -> Proofdesk.builder().apiKey("whsec_test_" + "A".repeat(43) + "=").baseUrl(URL).build())
                .isInstanceOf(MalformedApiKeyException.class)
                .hasMessageContaining("webhook signing secret")
                .hasMessageContaining("Webhooks.constructEvent");
    }
}
