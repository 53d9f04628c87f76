package dev.proofdesk.server.cli;

import dev.proofdesk.server.store.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "sanctions", mixinStandardHelpOptions = true, description = "Sanctions lists used by the ofac rule.",
        subcommands = {SanctionsCommand.Import.class})
final class SanctionsCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import OFAC's SDN.XML; it replaces the environment's list in force.")
    static final class Import extends OperatorCommand implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "OFAC's SDN.XML, as downloaded.")
        Path file;

        @Option(names = "--env", required = true, paramLabel = "test|live",
                description = "The environment whose list it replaces (test has a built-in list until then).")
        String env;

        @Override
        public Integer call() {
            Environment environment = env(env);
            byte[] xml = readFile(file);
            var imported = withApp(app -> app.environment(environment).sanctions()
                    .importSdnXml(file.getFileName().toString(), new ByteArrayInputStream(xml), n -> {
                        err().print("\rParsed " + n + " entries…");
                        err().flush();
                    }));
            err().println();
            out().printf("Imported %d listed individuals into %s; the list is in force now.%n",
                    imported.entries(), environment.id());
            if (!imported.unmappedCountries().isEmpty()) {
                out().println("Country names without an ICAO code (passports listed under them are not screened "
                        + "by number): " + String.join(", ", new TreeSet<>(imported.unmappedCountries())));
            }
            return 0;
        }
    }
}
