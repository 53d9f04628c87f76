package dev.proofdesk.server.cli;

import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.verification.TrustStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "trust", mixinStandardHelpOptions = true,
        description = "Trust anchors (CSCA certificates and CRLs) of an environment.",
        subcommands = {TrustCommand.Import.class, TrustCommand.ListAnchors.class})
final class TrustCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a CSCA master list (its signature is verified), CSCA certificates (PEM/DER) or CRLs.")
    static final class Import extends OperatorCommand implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "A CSCA master list (.ml), or certificates or CRLs in PEM or DER.")
        Path file;

        @Option(names = "--env", required = true, paramLabel = "test|live",
                description = "The environment that will trust them (live for real documents).")
        String env;

        @Override
        public Integer call() {
            Environment environment = env(env);
            byte[] bytes = readFile(file);
            TrustStore.ImportResult result = withApp(app -> app.environments().of(environment).verification().trust()
                    .importFile(file.getFileName().toString(), bytes));
            out().printf("Imported into %s: %d new CSCA certificate(s), %d already trusted, %d CRL(s).%n",
                    environment.id(), result.certificatesAdded(), result.certificatesKnown(), result.crlsAdded());
            out().println(result.countriesAdded().isEmpty() ? "No new countries."
                    : "Countries added: " + String.join(", ", result.countriesAdded()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List imported CSCA certificates.")
    static final class ListAnchors extends OperatorCommand implements Callable<Integer> {
        @Option(names = "--env", defaultValue = "live", paramLabel = "test|live",
                description = "The environment whose anchors to list; default: ${DEFAULT-VALUE}.")
        String env;

        @Override
        public Integer call() {
            Environment environment = env(env);
            var entries = withApp(app -> app.environments().of(environment).verification().trust().list());
            out().printf("%-7s  %-10s  %-16s  %s%n", "COUNTRY", "VALID TO", "KEY", "SUBJECT");
            for (TrustStore.Entry e : entries) {
                out().printf("%-7s  %-10s  %-16s  %s%n", e.country(), e.notAfter().toString().substring(0, 10),
                        e.keyFingerprint().substring(0, 16), e.subject());
            }
            if (environment == Environment.TEST) {
                out().println("(test also trusts this deployment's mock CSCA, which is never trusted in live)");
            }
            out().println(entries.size() + " certificate(s).");
            return 0;
        }
    }
}
