package dev.proofdesk.server.cli;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.apikey.FirstStart;
import dev.proofdesk.server.config.ConfigLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the launcher ({@code ./proofdesk}) prepares once per build, so that every later command starts
 * quickly:
 * <ul>
 *   <li>run with {@code -XX:ArchiveClassesAtExit}, it runs the store commands once against a
 *       throwaway SQLite data directory, so that the class-data-sharing archive holds the classes they
 *       load and later commands map them instead of loading them from the jar;</li>
 *   <li>it copies the SQLite driver's native library for this platform into the directory given as
 *       its argument: the driver would otherwise extract it from the jar, and compare it byte by byte,
 *       on every start.</li>
 * </ul>
 * Prints nothing; a command that refuses is fine, only the classes it loaded matter.
 */
public final class ArchiveTraining {
    private static final List<List<String>> COMMANDS = List.of(
            List.of("--help"),
            List.of("keys", "list", "--env", "test"),
            List.of("keys", "create", "--env", "test"),
            List.of("users", "list"),
            List.of("credits", "balance"),
            List.of("trust", "list", "--env", "test"),
            List.of("mock-passport", "create", "--nationality", "FRA"));

    private ArchiveTraining() {
    }

    /** @param args the directory for the SQLite native library */
    public static void main(String[] args) throws IOException {
        if (args.length == 1) {
            copySqliteLibrary(Path.of(args[0]));
        }
        Path dir = Files.createTempDirectory("proofdesk-training");
        try {
            try (Application app = Application.open(new ConfigLoader(Map.of()).load(0, dir, null), Clock.systemUTC())) {
                new FirstStart(app.accounts(), app.apiKeys()).run();
            }
            for (List<String> command : COMMANDS) {
                String[] withDataDir = Stream.concat(command.stream(),
                        command.getFirst().startsWith("-") ? Stream.empty() : Stream.of("--data-dir", dir.toString()))
                        .toArray(String[]::new);
                var cli = ProofdeskCommand.commandLine(withDataDir);
                cli.setOut(new PrintWriter(new StringWriter()));
                cli.setErr(new PrintWriter(new StringWriter()));
                cli.execute(withDataDir);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** The launcher passes {@code -Dorg.sqlite.lib.path} and {@code -Dorg.sqlite.lib.name} for the copy. */
    private static void copySqliteLibrary(Path dir) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = ArchiveTraining.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
            if (in == null) {
                return;
            }
            Files.createDirectories(dir);
            Path partial = dir.resolve(name + ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
