package dev.proofdesk.bench;

import dev.proofdesk.sdk.Proofdesk;
import dev.proofdesk.sdk.flow.FlowDefinition;
import dev.proofdesk.sdk.flow.FlowParams;
import dev.proofdesk.sdk.flow.Product;
import dev.proofdesk.sdk.session.Session;
import dev.proofdesk.sdk.session.SessionCreateParams;
import dev.proofdesk.sdk.session.SessionStatus;
import dev.proofdesk.sdk.testhelper.MockPassportCreateParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Test-helper completions end to end: each operation creates a session and completes it with a
 * mock passport, which runs the holder side for real (challenge, chip signature, submission,
 * passive and active authentication, rules, screening) and records the verdict and its event.
 */
@Command(name = "completions", mixinStandardHelpOptions = true,
        description = "Create and complete test sessions with mock passports over HTTP; report completions/s and latency.")
final class CompletionsCommand implements Callable<Integer> {
    @Mixin
    LoadOptions load;

    @Option(names = "--base-url", required = true, description = "The server, e.g. http://127.0.0.1:8080")
    String baseUrl;

    @Option(names = "--api-key", required = true, description = "A test secret key (rate limits off on the server).")
    String apiKey;

    @Option(names = "--signature-algorithm", defaultValue = "ECDSA-P256",
            description = "Document signer of the mock passports: RSA-2048, RSA-PSS or ECDSA-P256.")
    String algorithm;

    @Option(names = "--name", defaultValue = "completions", description = "Label of the result.")
    String name;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Proofdesk proofdesk = Proofdesk.builder().apiKey(apiKey).baseUrl(baseUrl).build()) {
            String flow = proofdesk.flows().create(FlowParams.builder().name("Completion load").product(Product.PRE_KYC)
                    .rules(FlowDefinition.Rules.builder().minimumAge(18).build())
                    .disclosures(FlowDefinition.Disclosures.builder().nationality(true).build())
                    .build()).id();
            proofdesk.flows().publish(flow);
            // One passport per client; the flow allows a document more than once, so they are reused.
            List<String> passports = new ArrayList<>();
            for (int i = 0; i < load.clients; i++) {
                passports.add(proofdesk.testHelpers().mockPassports().create(MockPassportCreateParams.builder()
                        .nationality("FRA").age(30).signatureAlgorithm(algorithm).build()).id());
            }
            SessionCreateParams params = SessionCreateParams.builder().flowId(flow).build();
            LoadRun.Result result = LoadRun.run(load.clients, load.warmup, load.duration, load.rate, client -> () -> {
                Session session = proofdesk.sessions().create(params);
                Session done = proofdesk.testHelpers().sessions().complete(session.id(), passports.get(client));
                return done.status() == SessionStatus.VALID ? null : "status " + done.status();
            });
            Report.print(spec.commandLine().getOut(), name + " (create + complete, " + algorithm + ")", result);
            return result.failed() == 0 ? 0 : 1;
        }
    }
}
