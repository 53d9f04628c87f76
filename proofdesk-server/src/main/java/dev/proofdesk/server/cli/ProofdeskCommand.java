package dev.proofdesk.server.cli;

import dev.proofdesk.server.config.ConfigException;
import dev.proofdesk.server.error.ApiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code proofdesk}: the server and its operator commands. */
@Command(name = "proofdesk", mixinStandardHelpOptions = true, version = "proofdesk 0.1.0",
        description = "Self-hostable identity verification with isolated test and live environments.",
        subcommands = {ServeCommand.class, KeysCommand.class, UsersCommand.class, CreditsCommand.class,
                MockPassportCommand.class, TrustCommand.class, SanctionsCommand.class, ListenCommand.class,
                TriggerCommand.class, CommandLine.HelpCommand.class})
public final class ProofdeskCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Exit codes: 0 ok, 1 refused (bad input or state), 2 usage, 3 configuration. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ProofdeskCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof ConfigException) {
                err.println("proofdesk: configuration error: " + e.getMessage());
                return 3;
            }
            if (e instanceof CommandRefusedException refused) {
                err.println("proofdesk: " + refused.getMessage());
                return 1;
            }
            if (e instanceof ApiException api) {
                err.println("proofdesk: " + api.getMessage());
                return 1;
            }
            err.println("proofdesk: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        });
        return cli;
    }
}
