package dev.proofdesk.server.cli;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.billing.CreditLedger;
import dev.proofdesk.server.billing.LedgerEntry;
import dev.proofdesk.server.store.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

@Command(name = "credits", mixinStandardHelpOptions = true,
        description = "Grant live credits, show the balance, export the ledger. Test mode is never billed.",
        subcommands = {CreditsCommand.Grant.class, CreditsCommand.Show.class, CreditsCommand.Ledger.class})
final class CreditsCommand {

    static CreditLedger ledger(Application app) {
        return app.environment(Environment.LIVE).credits().orElseThrow();
    }

    @Command(name = "grant", mixinStandardHelpOptions = true,
            description = "Add credits to an account's live balance; prints the new balance.")
    static final class Grant extends OperatorCommand implements Callable<Integer> {
        @Option(names = "--amount", required = true, paramLabel = "N", description = "Credits to add (1 to 1000000000).")
        long amount;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the ledger.")
        String reason;

        @Option(names = "--reference", defaultValue = "operator", paramLabel = "REF",
                description = "Your reference, e.g. an invoice number; default: ${DEFAULT-VALUE}.")
        String reference;

        @Override
        public Integer call() {
            LedgerEntry entry = withApp(app -> ledger(app).grant(accountId(app), amount, reason, reference));
            out().println(entry.balanceAfter());
            err().println("Granted " + entry.amount() + " credits to account " + entry.accountId()
                    + "; the live balance is now " + entry.balanceAfter() + ".");
            return 0;
        }
    }

    @Command(name = "balance", mixinStandardHelpOptions = true,
            description = "Print the account's live credits (only the number, so scripts can capture it).")
    static final class Show extends OperatorCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            long[] balance = withApp(app -> {
                String id = accountId(app);
                return new long[] {ledger(app).balance(id),
                        app.environment(Environment.LIVE).sessions().reservedCredits(id)};
            });
            out().println(balance[0]);
            err().println("credits available; " + balance[1] + " more are held by live sessions in progress.");
            return 0;
        }
    }

    @Command(name = "ledger", mixinStandardHelpOptions = true,
            description = "Export the account's live ledger as CSV, oldest first.")
    static final class Ledger extends OperatorCommand implements Callable<Integer> {
        static final List<String> HEADER = List.of("id", "created_at", "account_id", "kind", "amount",
                "balance_after", "reason", "reference", "session_id");

        @Option(names = "--output", paramLabel = "FILE",
                description = "Write the CSV to FILE; default: standard output.")
        Path output;

        @Override
        public Integer call() {
            long rows = output == null ? export(out()) : exportToFile();
            if (output != null) {
                err().println("Wrote " + rows + " ledger rows to " + output + ".");
            }
            return 0;
        }

        private long exportToFile() {
            try (Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
                 PrintWriter writer = new PrintWriter(file)) {
                long rows = export(writer);
                if (writer.checkError()) {
                    throw new IOException("write failed");
                }
                return rows;
            } catch (IOException | UncheckedIOException e) {
                throw new InvalidArgumentException(spec, "--output", "cannot write " + output + ": " + e.getMessage());
            }
        }

        private long export(PrintWriter writer) {
            AtomicLong rows = new AtomicLong();
            withApp(app -> {
                String id = accountId(app);
                writer.println(String.join(",", HEADER));
                ledger(app).forEachEntry(id, e -> {
                    writer.println(String.join(",", csv(e.id()), csv(e.createdAt().toString()), csv(e.accountId()),
                            csv(e.kind().id()), Long.toString(e.amount()), Long.toString(e.balanceAfter()),
                            csv(e.reason()), csv(e.reference()), csv(e.sessionId())));
                    rows.incrementAndGet();
                });
                return null;
            });
            writer.flush();
            return rows.get();
        }

        /** RFC 4180 quoting; a leading formula character is defused so spreadsheets show text. */
        static String csv(String value) {
            if (value == null) {
                return "";
            }
            String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                return "\"" + text.replace("\"", "\"\"") + "\"";
            }
            return text;
        }
    }
}
