package dev.proofdesk.server.cli;

import dev.proofdesk.sdk.ListParams;
import dev.proofdesk.sdk.Proofdesk;
import dev.proofdesk.sdk.flow.Flow;
import dev.proofdesk.sdk.flow.FlowDefinition;
import dev.proofdesk.sdk.flow.FlowParams;
import dev.proofdesk.sdk.flow.FlowStatus;
import dev.proofdesk.sdk.flow.Product;
import dev.proofdesk.sdk.session.Session;
import dev.proofdesk.sdk.session.SessionCreateParams;
import dev.proofdesk.sdk.testhelper.MockPassport;
import dev.proofdesk.sdk.testhelper.MockPassportCreateParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = "Create, in test, the objects that make the server emit an event of this type.")
final class TriggerCommand implements Callable<Integer> {
    static final List<String> TYPES = List.of("verification.completed", "session.created", "session.canceled",
            "session.expired", "flow.published");

    private static final String FLOW_NAME = "proofdesk trigger";
    private static final FlowParams FLOW = FlowParams.builder().name(FLOW_NAME).product(Product.AGE_VERIFICATION)
            .disclosures(FlowDefinition.Disclosures.builder().nationality(true).build()).build();

    @Mixin
    ApiOptions api;

    @Parameters(paramLabel = "EVENT_TYPE", description = "One of: verification.completed, session.created, "
            + "session.canceled, session.expired, flow.published.")
    String type;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!TYPES.contains(type)) {
            throw new InvalidArgumentException(spec, "EVENT_TYPE", "'" + type + "' cannot be triggered; use one of "
                    + String.join(", ", TYPES));
        }
        PrintWriter err = spec.commandLine().getErr();
        try (Proofdesk proofdesk = Proofdesk.builder().apiKey(api.key()).baseUrl(api.url()).build()) {
            Flow flow = existingFlow(proofdesk).orElse(null);
            if (flow == null) {
                flow = proofdesk.flows().create(FLOW);
                proofdesk.flows().publish(flow.id());
                err.println("Published flow " + flow.id() + " (\"" + FLOW_NAME + "\"); later triggers reuse it.");
            } else if (type.equals("flow.published")) {
                proofdesk.flows().update(flow.id(), FLOW);
                Flow published = proofdesk.flows().publish(flow.id());
                err.println("Published version " + published.version() + " of flow " + flow.id() + ".");
            }
            if (type.equals("flow.published")) {
                return done(err);
            }
            Session session = proofdesk.sessions().create(SessionCreateParams.forFlow(flow.id()));
            err.println("Created session " + session.id() + ".");
            switch (type) {
                case "session.canceled" -> proofdesk.sessions().cancel(session.id());
                case "session.expired" -> proofdesk.testHelpers().sessions().expire(session.id());
                case "verification.completed" -> {
                    MockPassport passport = proofdesk.testHelpers().mockPassports()
                            .create(MockPassportCreateParams.builder().build());
                    Session completed = proofdesk.testHelpers().sessions().complete(session.id(), passport.id());
                    err.println("Completed it with mock passport " + passport.id() + ": " + completed.status() + ".");
                }
                default -> { }
            }
            return done(err);
        }
    }

    /** The published flow of earlier triggers, if any: triggering does not pile up flows. */
    private static Optional<Flow> existingFlow(Proofdesk proofdesk) {
        return proofdesk.flows().list(ListParams.limit(100)).stream()
                .filter(f -> FLOW_NAME.equals(f.name()) && f.publishedVersionId() != null
                        && f.status() != FlowStatus.ARCHIVED)
                .findFirst();
    }

    private int done(PrintWriter err) {
        err.println("Triggered " + type + ".");
        err.flush();
        return 0;
    }
}
