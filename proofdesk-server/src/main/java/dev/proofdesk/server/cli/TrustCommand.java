package dev.proofdesk.server.cli;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.verification.TrustStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "trust", mixinStandardHelpOptions = true,
        description = "Trust anchors (CSCA certificates and CRLs) of an environment.",
        subcommands = {TrustCommand.Import.class, TrustCommand.ListAnchors.class})
final class TrustCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a CSCA master list (its signature is verified), CSCA certificates (PEM/DER) or CRLs.")
    static final class Import implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--env", required = true, paramLabel = "test|live")
        String env;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Environment environment = Environment.parse(env).orElseThrow(() ->
                    ApiException.validation("--env", "must be test or live (got '" + env + "')"));
            if (!Files.isReadable(file)) {
                throw ApiException.validation("FILE", file + " does not exist or cannot be read");
            }
            byte[] bytes = Files.readAllBytes(file);
            try (Application app = Application.open(store.config(null), Clock.systemUTC())) {
                TrustStore.ImportResult result = app.environments().of(environment).verification().trust()
                        .importFile(file.getFileName().toString(), bytes);
                var out = spec.commandLine().getOut();
                out.printf("Imported into %s: %d new CSCA certificate(s), %d already trusted, %d CRL(s).%n",
                        environment.id(), result.certificatesAdded(), result.certificatesKnown(), result.crlsAdded());
                out.println(result.countriesAdded().isEmpty() ? "No new countries."
                        : "Countries added: " + String.join(", ", result.countriesAdded()));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List imported CSCA certificates.")
    static final class ListAnchors implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Option(names = "--env", defaultValue = "live", paramLabel = "test|live")
        String env;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Environment environment = Environment.parse(env).orElseThrow(() ->
                    ApiException.validation("--env", "must be test or live (got '" + env + "')"));
            try (Application app = Application.open(store.config(null), Clock.systemUTC())) {
                var out = spec.commandLine().getOut();
                var entries = app.environments().of(environment).verification().trust().list();
                out.printf("%-7s  %-20s  %-16s  %s%n", "COUNTRY", "VALID UNTIL", "KEY", "SUBJECT");
                for (TrustStore.Entry e : entries) {
                    out.printf("%-7s  %-20s  %-16s  %s%n", e.country(), e.notAfter().toString().substring(0, 10),
                            e.keyFingerprint().substring(0, 16), e.subject());
                }
                if (environment == Environment.TEST) {
                    out.println("(test also trusts this deployment's mock CSCA, which is never trusted in live)");
                }
                out.println(entries.size() + " certificate(s).");
            }
            return 0;
        }
    }
}
