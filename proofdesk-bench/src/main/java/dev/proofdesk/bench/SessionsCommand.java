package dev.proofdesk.bench;

import dev.proofdesk.sdk.Proofdesk;
import dev.proofdesk.sdk.flow.FlowDefinition;
import dev.proofdesk.sdk.flow.FlowParams;
import dev.proofdesk.sdk.flow.Product;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code POST /v1/sessions} from many clients against a running server. The flow is set up with
 * the SDK; the load itself goes over one keep-alive HTTP/1.1 connection per client and reads only
 * the status, so the driver spends as little of the shared CPU as it can.
 */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "Create sessions over HTTP with N concurrent clients; report sessions/s and latency.")
final class SessionsCommand implements Callable<Integer> {
    @Mixin
    LoadOptions load;

    @Option(names = "--base-url", required = true, description = "The server, e.g. http://127.0.0.1:8080")
    String baseUrl;

    @Option(names = "--api-key", required = true, description = "A test secret key (rate limits off on the server).")
    String apiKey;

    @Option(names = "--flow-id", description = "A published flow; by default one is created and published.")
    String flowId;

    @Option(names = "--name", defaultValue = "sessions", description = "Label of the result.")
    String name;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String flow = flowId != null ? flowId : publishedFlow();
        byte[] body = ("{\"flowId\":\"" + flow + "\"}").getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(baseUrl.replaceAll("/$", "") + "/v1/sessions");
        List<Http1Connection> connections = new ArrayList<>();
        for (int i = 0; i < load.clients; i++) {
            connections.add(new Http1Connection(uri, "POST", "Bearer " + apiKey, body));
        }
        try {
            LoadRun.Result result = LoadRun.run(load.clients, load.warmup, load.duration, load.rate, client -> () -> {
                int status = connections.get(client).send();
                return status == 201 ? null : "HTTP " + status;
            });
            Report.print(spec.commandLine().getOut(), name, result);
            return result.failed() == 0 ? 0 : 1;
        } finally {
            connections.forEach(Http1Connection::close);
        }
    }

    private String publishedFlow() {
        try (Proofdesk proofdesk = Proofdesk.builder().apiKey(apiKey).baseUrl(baseUrl).build()) {
            String id = proofdesk.flows().create(FlowParams.builder().name("Load test").product(Product.AGE_VERIFICATION)
                    .rules(FlowDefinition.Rules.builder().minimumAge(18).excludedCountries("PRK").build())
                    .disclosures(FlowDefinition.Disclosures.builder().nationality(true).build())
                    .build()).id();
            proofdesk.flows().publish(id);
            spec.commandLine().getOut().println("flow " + id + " published");
            return id;
        }
    }
}
