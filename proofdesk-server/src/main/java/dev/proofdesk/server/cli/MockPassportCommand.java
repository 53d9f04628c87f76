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
        @Option(names = "--nationality", paramLabel = "CODE",
                description = "ICAO nationality code, e.g. FRA (Germany is D); default: UTO, the fictional state "
                        + "ICAO reserves for specimens, which is also the issuing state of every mock document.")
        String nationality;

        @Option(names = "--age", paramLabel = "YEARS",
                description = "Age in years today (0 to 99), or give --date-of-birth; default: 30.")
        Integer age;

        @Option(names = "--date-of-birth", paramLabel = "YYYY-MM-DD",
                description = "Date of birth instead of --age; default: from --age.")
        String dateOfBirth;

        @Option(names = "--ofac", paramLabel = "clear|flagged",
                description = "flagged: put this holder (with the name, birth date and number given) on the account's "
                        + "test sanctions list; default: clear.")
        String ofac;

        @Option(names = "--full-name", paramLabel = "NAME",
                description = "Given names and surname, last word the surname, e.g. \"Jane Doe\"; default: Alex Mock.")
        String fullName;

        @Option(names = "--document-number", paramLabel = "NUMBER",
                description = "1 to 9 capital letters or digits; default: a random one.")
        String documentNumber;

        @Option(names = "--expiry-date", paramLabel = "YYYY-MM-DD",
                description = "When the document expires; default: five years from today.")
        String expiryDate;

        @Option(names = "--document-type", paramLabel = "passport|id_card",
                description = "A passport or an identity card; default: passport.")
        String documentType;

        @Option(names = "--gender", paramLabel = "male|female|unspecified",
                description = "The sex the MRZ records; default: unspecified.")
        String gender;

        @Option(names = "--signature-algorithm", paramLabel = "RSA-2048|RSA-PSS|ECDSA-P256",
                description = "How the document signer signs the SOD and which key the chip holds; default: ECDSA-P256.")
        String signatureAlgorithm;

        @Option(names = "--defect", paramLabel = "none|tampered_data|bad_signature|expired_document|cloned_chip",
                description = "A flaw that makes verification fail with its own code; default: none.")
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
