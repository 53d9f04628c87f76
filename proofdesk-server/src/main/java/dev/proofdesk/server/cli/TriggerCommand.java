package dev.proofdesk.server.cli;

import dev.proofdesk.sdk.Proofdesk;
import dev.proofdesk.sdk.exception.ProofdeskException;
import dev.proofdesk.sdk.flow.Flow;
import dev.proofdesk.sdk.flow.FlowDefinition;
import dev.proofdesk.sdk.flow.FlowParams;
import dev.proofdesk.sdk.flow.Product;
import dev.proofdesk.sdk.session.Session;
import dev.proofdesk.sdk.session.SessionCreateParams;
import dev.proofdesk.sdk.testhelper.MockPassport;
import dev.proofdesk.sdk.testhelper.MockPassportCreateParams;
import dev.proofdesk.server.error.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = "Create, in test, the objects that make the server emit an event of this type.")
final class TriggerCommand implements Callable<Integer> {
    static final List<String> TYPES = List.of("verification.completed", "session.created", "session.canceled",
            "session.expired", "flow.published");

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
            throw ApiException.validation("EVENT_TYPE", "'" + type + "' cannot be triggered; use one of "
                    + String.join(", ", TYPES));
        }
        PrintWriter err = spec.commandLine().getErr();
        try (Proofdesk proofdesk = Proofdesk.builder().apiKey(api.key()).baseUrl(api.url()).build()) {
            Flow flow = proofdesk.flows().create(FlowParams.builder().name("proofdesk trigger")
                    .product(Product.AGE_VERIFICATION)
                    .disclosures(FlowDefinition.Disclosures.builder().nationality(true).build()).build());
            proofdesk.flows().publish(flow.id());
            err.println("Published flow " + flow.id() + ".");
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
        } catch (ProofdeskException e) {
            throw new ApiException(Math.max(e.statusCode(), 400), String.valueOf(e.code()), e.getMessage());
        }
    }

    private int done(PrintWriter err) {
        err.println("Triggered " + type + ".");
        err.flush();
        return 0;
    }
}
