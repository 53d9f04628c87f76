package dev.proofdesk.server.support;

import dev.proofdesk.server.cli.ProofdeskCommand;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code proofdesk} command line in this JVM and captures what it printed. */
public final class Cli {
    private Cli() {
    }

    public record Run(int exit, String out, String err) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = ProofdeskCommand.commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
