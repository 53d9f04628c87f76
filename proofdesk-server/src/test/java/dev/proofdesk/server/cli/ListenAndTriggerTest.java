package dev.proofdesk.server.cli;

import dev.proofdesk.sdk.webhook.WebhookEvent;
import dev.proofdesk.sdk.webhook.Webhooks;
import dev.proofdesk.server.support.Cli.Run;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import dev.proofdesk.server.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.proofdesk.server.support.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

class ListenAndTriggerTest {

    @Test
    void listenForwardsSignedEventsAndTriggerEmitsAVerificationCompleted() throws Exception {
        TestServer server = TestServer.shared(Db.SQLITE);
        TestAccount account = server.newAccount();
        String base = server.baseUrl();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Run secret = run("listen", "--print-secret", "--api-key", account.testKey(), "--api-url", base);
            assertThat(secret.exit()).as(secret.err()).isZero();
            assertThat(secret.out().strip()).startsWith("whsec_test_").doesNotContain("\n");
            assertThat(run("listen", "--print-secret", "--api-key", account.testKey(), "--api-url", base).out())
                    .as("the same secret every run, so a local handler keeps one setting").isEqualTo(secret.out());

            CompletableFuture<Run> listening = CompletableFuture.supplyAsync(() -> run("listen", "--api-key",
                    account.testKey(), "--api-url", base, "--forward-to", receiver.url("/hooks"),
                    "--events", "verification.completed", "--max-events", "1"));
            Thread.sleep(1_000); // its first long poll starts from the server's "now"

            Run trigger = run("trigger", "verification.completed", "--api-key", account.testKey(), "--api-url", base);
            assertThat(trigger.exit()).as(trigger.err()).isZero();
            assertThat(trigger.err()).contains("Triggered verification.completed");

            Run listened = listening.get(60, TimeUnit.SECONDS);
            assertThat(listened.exit()).as(listened.err()).isZero();
            assertThat(listened.out()).contains("verification.completed").contains("-> 200");
            var request = receiver.await(r -> true, 1, Duration.ofSeconds(5)).getFirst();
            WebhookEvent event = Webhooks.constructEvent(request.body(), request.headers(), secret.out().strip());
            assertThat(event.type()).isEqualTo("verification.completed");
            assertThat(event.data().path("status").asText()).isEqualTo("valid");
            assertThat(receiver.received()).as("--events filters the rest out").hasSize(1);
        }
    }

    @Test
    void triggerReusesOneFlowInsteadOfPublishingANewOneEachTime() {
        TestServer server = TestServer.shared(Db.SQLITE);
        TestAccount account = server.newAccount();
        for (String type : List.of("session.created", "session.canceled", "flow.published")) {
            Run trigger = run("trigger", type, "--api-key", account.testKey(), "--api-url", server.baseUrl());
            assertThat(trigger.exit()).as(trigger.err()).isZero();
        }
        var flows = server.http().get("/v1/flows?limit=100", account.testKey()).body().path("data");
        assertThat(flows).as(flows.toString()).hasSize(1);
        assertThat(flows.get(0).path("version").asInt()).as("flow.published published a new version").isEqualTo(2);
    }

    @Test
    void listenRefusesLiveKeysAndMissingOptionsWithAMessage() {
        TestServer server = TestServer.shared(Db.SQLITE);
        TestAccount account = server.newAccount();
        Run live = run("listen", "--print-secret", "--api-key", account.liveKey(), "--api-url", server.baseUrl());
        assertThat(live.exit()).isEqualTo(1);
        assertThat(live.err()).contains("test secret key");
        Run noTarget = run("listen", "--api-key", account.testKey(), "--api-url", server.baseUrl());
        assertThat(noTarget.exit()).isEqualTo(1);
        assertThat(noTarget.err()).contains("--forward-to");
        Run unknown = run("trigger", "session.exploded", "--api-key", account.testKey(), "--api-url", server.baseUrl());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("verification.completed");
        assertThat(new HttpApi(server.baseUrl()).get("/v1/listen/secret", account.liveKey()).errorCode())
                .isEqualTo("test_mode_only");
    }
}
