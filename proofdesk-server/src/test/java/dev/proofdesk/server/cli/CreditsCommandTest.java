package dev.proofdesk.server.cli;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.MasterKeys;
import dev.proofdesk.server.support.Postgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CreditsCommandTest {

    record Run(int exit, String out, String err) {
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void grantBalanceAndLedgerWithExitCodesScriptsCanRelyOn(Db db) throws IOException {
        Path dir = Files.createTempDirectory("proofdesk-cli");
        List<String> store = db == Db.SQLITE ? List.of("--data-dir", dir.toString())
                : List.of("--data-dir", dir.toString(), "--database-url", Postgres.freshDatabase(),
                "--master-key-file", MasterKeys.file(dir).toString());

        Run none = run(store, "credits", "balance");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no account yet").doesNotContain("Exception");

        String account;
        try (Application app = Application.open(new ConfigLoader(db == Db.SQLITE ? Map.of()
                : Map.of("PROOFDESK_MASTER_KEY_FILE", store.get(5))).load(0, dir, db == Db.SQLITE ? null : store.get(3)),
                Clock.systemUTC())) {
            account = app.accounts().create("Operator").id();
        }

        Run granted = run(store, "credits", "grant", "--amount", "500", "--reason", "Invoice 42, paid",
                "--reference", "INV-42");
        assertThat(granted.exit()).as(granted.err()).isZero();
        assertThat(granted.out().strip()).isEqualTo("500");
        assertThat(run(store, "credits", "grant", "--amount", "0", "--reason", "x").exit()).isEqualTo(1);
        assertThat(run(store, "credits", "grant", "--amount", "lots", "--reason", "x").exit()).isEqualTo(2);
        assertThat(run(store, "credits", "grant", "--amount", "5").exit()).as("--reason is required").isEqualTo(2);
        Run unknown = run(store, "credits", "balance", "--account", "nope");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("No account with id 'nope'");

        Run balance = run(store, "credits", "balance", "--account", account);
        assertThat(balance.exit()).isZero();
        assertThat(balance.out().strip()).isEqualTo("500");

        Run csv = run(store, "credits", "ledger");
        assertThat(csv.exit()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("id,created_at,account_id,kind,amount,balance_after,reason,reference,session_id");
        assertThat(lines.get(1)).contains("," + account + ",grant,500,500,\"Invoice 42, paid\",INV-42,");

        Path file = dir.resolve("ledger.csv");
        assertThat(run(store, "credits", "ledger", "--output", file.toString()).exit()).isZero();
        assertThat(Files.readAllLines(file)).isEqualTo(lines);
        Run unwritable = run(store, "credits", "ledger", "--output", dir.resolve("missing/ledger.csv").toString());
        assertThat(unwritable.exit()).isEqualTo(1);
        assertThat(unwritable.err()).contains("cannot write");
    }

    private static Run run(List<String> store, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(store);
        CommandLine cli = ProofdeskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
