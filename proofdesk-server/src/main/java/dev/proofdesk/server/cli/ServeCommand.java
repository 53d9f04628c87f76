package dev.proofdesk.server.cli;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.apikey.FirstStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Proofdesk server.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--port", paramLabel = "PORT",
            description = "TCP port, 0 for a free one; default: $PROOFDESK_PORT, else 8080.")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (env PROOFDESK_BIND, default 127.0.0.1: this machine only; "
                    + "0.0.0.0 for every interface).")
    String bind;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        var config = store.config(port, bind);
        Application app = Application.open(config, Clock.systemUTC());
        var out = spec.commandLine().getOut();
        // Nodes starting together on one database: one of them makes the first account.
        FirstStart firstStart = new FirstStart(app.accounts(), app.apiKeys());
        app.database().exclusively("first-start", firstStart::run).ifPresent(first -> {
            out.println("First start: created the account \"" + first.account().name() + "\".");
            out.println("Your test secret key (shown once, keep it safe):");
            out.println();
            out.println("    " + first.testSecretKey());
            out.println();
            out.println("Live keys are created on purpose: proofdesk keys create --env live");
        });
        app.start();
        out.println("Proofdesk listening on " + app.baseUrl() + " (bound to " + config.bind() + ", "
                + (config.embedded() ? "SQLite in " + config.dataDir().toAbsolutePath() : "PostgreSQL") + ")");
        if (config.metricsToken().isEmpty() && !app.loopbackOnly()) {
            out.println("Note: /metrics answers anyone who reaches " + config.bind() + "; set PROOFDESK_METRICS_TOKEN "
                    + "to require a bearer token.");
        }
        out.println("Dashboard: " + app.baseUrl() + "/dashboard");
        if (!app.users().anyUsers()) {
            out.println("No dashboard user yet. Create the first one (its password is printed once):");
            out.println("    ./proofdesk users create --email you@example.com --role owner");
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM: leave the cluster gracefully (readyz 503, in-flight work finished or handed back).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.shutdown();
            stopped.countDown();
        }, "proofdesk-shutdown"));
        stopped.await();
        return 0;
    }
}
