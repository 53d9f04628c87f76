package dev.proofdesk.server.cli;

import dev.proofdesk.sdk.exception.ProofdeskException;
import dev.proofdesk.server.config.ConfigException;
import dev.proofdesk.server.error.ApiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code proofdesk}: the server and its operator commands. */
@Command(name = "proofdesk", mixinStandardHelpOptions = true, version = "proofdesk 0.1.0",
        description = "Self-hostable identity verification with isolated test and live environments.")
public final class ProofdeskCommand implements Runnable {
    /** Every command by name, in the order the help lists them. */
    private static final Map<String, Class<?>> COMMANDS = commands(ServeCommand.class, KeysCommand.class,
            UsersCommand.class, CreditsCommand.class, MockPassportCommand.class, TrustCommand.class,
            SanctionsCommand.class, ListenCommand.class, TriggerCommand.class, TapCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /**
     * Every command. Exit codes: 0 ok, 1 refused (bad input or state), 2 usage, 3 configuration. A bad
     * value the command finds itself ({@link InvalidArgumentException}) is a refusal; picocli's own
     * parse errors are usage.
     */
    public static CommandLine commandLine() {
        return commandLine(COMMANDS.keySet());
    }

    /**
     * The command line for these arguments: when they start with a command's name, only that command
     * is built. Picocli reads the annotations of every command it is given, a good part of a short
     * command's start-up; help and usage errors get every command.
     */
    public static CommandLine commandLine(String[] args) {
        boolean named = args.length > 0 && COMMANDS.containsKey(args[0]) && !args[0].equals("help");
        return commandLine(named ? Set.of(args[0]) : COMMANDS.keySet());
    }

    private static CommandLine commandLine(Set<String> names) {
        CommandLine cli = new CommandLine(new ProofdeskCommand());
        COMMANDS.forEach((name, command) -> {
            if (names.contains(name)) {
                cli.addSubcommand(name, command);
            }
        });
        CommandLine.IParameterExceptionHandler usage = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, args) -> {
            if (e instanceof InvalidArgumentException) {
                e.getCommandLine().getErr().println("proofdesk: " + e.getMessage());
                return 1;
            }
            return usage.handleParseException(e, args);
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof ConfigException) {
                err.println("proofdesk: configuration error: " + e.getMessage());
                return 3;
            }
            // Refused by the command, by a service of this process, or by the server it called.
            if (e instanceof CommandRefusedException || e instanceof ApiException || e instanceof ProofdeskException) {
                err.println("proofdesk: " + e.getMessage());
                return 1;
            }
            err.println("proofdesk: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        });
        return cli;
    }

    private static Map<String, Class<?>> commands(Class<?>... classes) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            byName.put(c.getAnnotation(Command.class).name(), c);
        }
        return byName;
    }
}
