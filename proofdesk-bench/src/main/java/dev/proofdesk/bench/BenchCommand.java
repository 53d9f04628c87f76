package dev.proofdesk.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code proofdesk-bench}: load drivers whose figures go to BENCHMARKS.md. */
@Command(name = "proofdesk-bench", mixinStandardHelpOptions = true,
        description = "Load drivers for Proofdesk. See bench/sessions.sh and bench/relay.sh for complete runs.",
        subcommands = {SessionsCommand.class, RawInsertsCommand.class, CompletionsCommand.class, RelaysCommand.class,
                CommandLine.HelpCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("proofdesk-bench: " + e);
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
