package dev.proofdesk.server.cli;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.testhelper.MockPassportInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "mock-passport", mixinStandardHelpOptions = true, description = "Mock passports (test environment).",
        subcommands = {MockPassportCommand.Create.class})
final class MockPassportCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a test-only mock passport and print it as JSON (chip files included).")
    static final class Create implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Option(names = "--account", paramLabel = "ID", description = "Account id; may be omitted while there is one.")
        String account;

        @Option(names = "--nationality", description = "ICAO code, e.g. FRA (Germany is D). Default UTO.")
        String nationality;

        @Option(names = "--age", description = "Age in years (or --date-of-birth).")
        Integer age;

        @Option(names = "--date-of-birth", paramLabel = "YYYY-MM-DD")
        String dateOfBirth;

        @Option(names = "--ofac", paramLabel = "clear|flagged", description = "flagged: the identity on the test sanctions list.")
        String ofac;

        @Option(names = "--full-name")
        String fullName;

        @Option(names = "--document-number")
        String documentNumber;

        @Option(names = "--expiry-date", paramLabel = "YYYY-MM-DD")
        String expiryDate;

        @Option(names = "--document-type", paramLabel = "passport|id_card")
        String documentType;

        @Option(names = "--gender", paramLabel = "male|female|unspecified")
        String gender;

        @Option(names = "--signature-algorithm", paramLabel = "RSA-2048|RSA-PSS|ECDSA-P256")
        String signatureAlgorithm;

        @Option(names = "--defect", paramLabel = "none|tampered_data|bad_signature|expired_document|cloned_chip")
        String defect;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Application app = Application.open(store.config(null), Clock.systemUTC())) {
                String accountId = account != null ? account : app.accounts().sole().id();
                var passport = app.mockPassports().create(accountId, new MockPassportInput(nationality, age,
                        dateOfBirth, ofac, fullName, documentNumber, expiryDate, documentType, gender,
                        signatureAlgorithm, defect));
                spec.commandLine().getOut().println(app.json().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(passport));
            }
            return 0;
        }
    }
}
