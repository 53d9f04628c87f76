package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.apikey.FirstStart;
import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.support.Cli.Run;
import dev.proofdesk.server.support.DashboardClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static dev.proofdesk.server.support.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

class UsersCliTest {

    @Test
    void createsAUserWhosePrintedPasswordSignsIn(@TempDir Path dir) {
        var config = new ConfigLoader(Map.of()).load(0, dir, null);
        try (Application app = Application.open(config, Clock.systemUTC())) {
            new FirstStart(app.accounts(), app.apiKeys()).run().orElseThrow();
            app.start();
            assertThat(app.users().anyUsers()).isFalse();

            Run created = run("users", "create", "--email", "Owner@Example.com", "--role", "owner",
                    "--data-dir", dir.toString());
            assertThat(created.exit()).as(created.err()).isZero();
            assertThat(created.out()).contains("Created owner owner@example.com").contains("shown once");
            String password = created.out().lines().map(String::strip).filter(l -> l.matches("[0-9A-Za-z]{20}"))
                    .findFirst().orElseThrow();
            DashboardClient.Page signedIn = new DashboardClient(app.baseUrl()).signIn("owner@example.com", password);
            assertThat(signedIn.status()).isEqualTo(303);

            Run again = run("users", "create", "--email", "owner@example.com", "--role", "admin",
                    "--data-dir", dir.toString());
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.err()).contains("already exists");
            Run role = run("users", "create", "--email", "x@example.com", "--role", "boss", "--data-dir", dir.toString());
            assertThat(role.exit()).isEqualTo(1);
            assertThat(role.err()).contains("--role").contains("owner, admin or member").doesNotContain("at dev.");
            Run email = run("users", "create", "--email", "not-an-email", "--role", "member",
                    "--data-dir", dir.toString());
            assertThat(email.exit()).isEqualTo(1);
            assertThat(email.err()).contains("e-mail address");
            assertThat(run("users", "list", "--data-dir", dir.toString()).out()).contains("owner@example.com");
        }
    }
}
