package dev.proofdesk.server.cli;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.store.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "sanctions", mixinStandardHelpOptions = true, description = "Sanctions lists used by the ofac rule.",
        subcommands = {SanctionsCommand.Import.class})
final class SanctionsCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import OFAC's SDN.XML; it replaces the environment's list in force.")
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
            var err = spec.commandLine().getErr();
            try (Application app = Application.open(store.config(null), Clock.systemUTC());
                 InputStream in = Files.newInputStream(file)) {
                var imported = app.environments().of(environment).verification().sanctions()
                        .importSdnXml(file.getFileName().toString(), in, n -> {
                            if (n % 1000 == 0) {
                                err.print("\rParsed " + n + " entries…");
                                err.flush();
                            }
                        });
                err.println();
                spec.commandLine().getOut().printf("Imported %d listed individuals into %s; the list is in force now.%n",
                        imported.entries(), environment.id());
            }
            return 0;
        }
    }
}
