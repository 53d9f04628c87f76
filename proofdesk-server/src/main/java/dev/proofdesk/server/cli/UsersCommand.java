package dev.proofdesk.server.cli;

import dev.proofdesk.server.dashboard.user.DashboardUser;
import dev.proofdesk.server.dashboard.user.Role;
import dev.proofdesk.server.dashboard.user.UserService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "users", mixinStandardHelpOptions = true, description = "Create and list dashboard users.",
        subcommands = {UsersCommand.Create.class, UsersCommand.ListUsers.class})
final class UsersCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a dashboard user. Without --password-stdin a password is generated and printed once.")
    static final class Create extends KeysCommand.Common implements Callable<Integer> {
        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The e-mail address to sign in with.")
        String email;

        @Option(names = "--role", required = true, paramLabel = "owner|admin|member",
                description = "Owners manage the team; owners and admins manage keys and webhooks.")
        String role;

        @Option(names = "--password-stdin",
                description = "Read the password from the first line of standard input; without it a password is "
                        + "generated and printed once.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role).orElseThrow(() ->
                    new InvalidArgumentException(spec, "--role", "must be owner, admin or member (got '" + role + "')"));
            String password = passwordStdin ? readPassword(spec) : null;
            return withApp(app -> {
                UserService.Created created = app.users().create(accountId(app), email, parsed, password, "cli");
                var out = out();
                out.println("Created " + created.user().role().id() + " " + created.user().email() + ".");
                if (created.generatedPassword() != null) {
                    out.println("Password (shown once):");
                    out.println();
                    out.println("    " + created.generatedPassword());
                    out.println();
                }
                out.println("Sign in at " + app.config().publicBaseUrl()
                        .orElse("http://localhost:" + app.config().port()) + "/dashboard");
                return 0;
            });
        }

        private static String readPassword(CommandSpec spec) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new InvalidArgumentException(spec, "--password-stdin",
                            "standard input was empty; pipe the password in");
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the dashboard users of an account.")
    static final class ListUsers extends KeysCommand.Common implements Callable<Integer> {
        @Override
        public Integer call() {
            return withApp(app -> {
                out().printf("%-36s  %-8s  %s%n", "ID", "ROLE", "EMAIL");
                for (DashboardUser user : app.users().list(accountId(app))) {
                    out().printf("%-36s  %-8s  %s%n", user.id(), user.role().id(), user.email());
                }
                return 0;
            });
        }
    }
}
