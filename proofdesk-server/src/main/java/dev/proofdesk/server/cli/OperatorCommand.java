package dev.proofdesk.server.cli;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.store.Environment;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/** What operator commands on one account share: the stores, {@code --account}, and the output streams. */
abstract class OperatorCommand {
    @Mixin
    StoreOptions store;

    @Option(names = "--account", paramLabel = "ID",
            description = "The account to act on; default: the only account (required once there are several).")
    String account;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    <T> T withApp(Function<Application, T> work) {
        try (Application app = Application.open(store.config(null), Clock.systemUTC())) {
            return work.apply(app);
        }
    }

    String accountId(Application app) {
        if (account == null) {
            return app.accounts().sole().id();
        }
        return app.accounts().find(account)
                .orElseThrow(() -> new CommandRefusedException("No account with id '" + account + "'.")).id();
    }

    Environment env(String value) {
        return Environment.parse(value).orElseThrow(() ->
                new InvalidArgumentException(spec, "--env", "must be test or live (got '" + value + "')"));
    }

    byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidArgumentException(spec, "FILE", file + " cannot be read: " + e.getMessage());
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
