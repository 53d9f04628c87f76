package dev.proofdesk.server;

import dev.proofdesk.server.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server that cannot finish starting lets go of what it opened before it stopped. */
class FailedStartTest {

    @Test
    void aStartThatFailsHalfWayClosesTheStoresItOpened(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Application app = Application.open(new ConfigLoader(Map.of()).load(taken.getLocalPort(), dataDir, null),
                    Clock.systemUTC());

            assertThatThrownBy(app::start).as("the port is taken");

            // The stores were open (migrated) before the port was tried; now their pools are closed.
            assertThat(app.database().healthy()).isFalse();
        }
    }
}
