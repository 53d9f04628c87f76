package dev.proofdesk.server.cli;

import dev.proofdesk.server.testhelper.MockPassportInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "mock-passport", mixinStandardHelpOptions = true, description = "Mock passports (test environment).",
        subcommands = {MockPassportCommand.Create.class})
final class MockPassportCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a test-only mock passport and print it as JSON (chip files included).")
    static final class Create extends OperatorCommand implements Callable<Integer> {
        @Option(names = "--nationality", description = "ICAO code, e.g. FRA (Germany is D). Default UTO.")
        String nationality;

        @Option(names = "--age", description = "Age in years, 0 to 99 (or --date-of-birth).")
        Integer age;

        @Option(names = "--date-of-birth", paramLabel = "YYYY-MM-DD")
        String dateOfBirth;

        @Option(names = "--ofac", paramLabel = "clear|flagged", description = "flagged: put this holder on the account's test sanctions list.")
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

        @Option(names = "--chip-authentication", paramLabel = "active|chip|none",
                description = "How the chip proves itself: Active Authentication (DG15, the default), Chip "
                        + "Authentication (DG14, like German or French passports), or not at all (like US passports).")
        String chipAuthentication;

        @Option(names = "--access-control", paramLabel = "bac|pace|both",
                description = "How the chip opens: BAC only, PACE only (like identity cards), or both (the default).")
        String accessControl;

        @Override
        public Integer call() {
            String json = withApp(app -> {
                var passport = app.mockPassports().create(accountId(app), new MockPassportInput(nationality, age,
                        dateOfBirth, ofac, fullName, documentNumber, expiryDate, documentType, gender,
                        signatureAlgorithm, defect, chipAuthentication, accessControl));
                return app.json().valueToTree(passport).toPrettyString();
            });
            out().println(json);
            return 0;
        }
    }
}
