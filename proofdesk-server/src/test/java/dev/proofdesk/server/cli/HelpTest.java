package dev.proofdesk.server.cli;

import dev.proofdesk.server.support.Cli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --help} answers every question about every option: what it does, and what happens without it. */
class HelpTest {

    @Test
    void everyOptionAndParameterOfEveryCommandHasADescriptionAndItsDefault() {
        List<String> gaps = new ArrayList<>();
        walk(ProofdeskCommand.commandLine(), gaps);
        assertThat(gaps).as("options without a description, or optional ones that do not say their default").isEmpty();
    }

    @Test
    void keysHelpExplainsTheLimitPublishableKeysAndTheGraceDefault() {
        String keys = Cli.run("keys", "--help").out();
        assertThat(keys).contains("2 active secret keys").contains("Publishable keys");
        String roll = Cli.run("keys", "roll", "--help").out();
        assertThat(roll).contains("default: 24h");
    }

    private static void walk(CommandLine command, List<String> gaps) {
        if (command.getCommand() instanceof CommandLine.HelpCommand) {
            return; // picocli's own
        }
        CommandSpec spec = command.getCommandSpec();
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec arg : args) {
            String name = spec.qualifiedName() + " " + (arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel());
            if (arg instanceof OptionSpec o && (o.usageHelp() || o.versionHelp())) {
                continue;
            }
            String description = String.join(" ", arg.description()).strip();
            if (description.isEmpty()) {
                gaps.add(name + ": no description");
                continue;
            }
            boolean flag = arg.typeInfo().isBoolean();
            String rendered = description.replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValue()));
            if (!arg.required() && !flag && !rendered.toLowerCase(Locale.ROOT).contains("default")) {
                gaps.add(name + ": does not say its default");
            }
        }
        command.getSubcommands().values().forEach(sub -> walk(sub, gaps));
    }
}
