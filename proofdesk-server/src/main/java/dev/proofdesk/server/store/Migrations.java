package dev.proofdesk.server.store;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Brings a store's schema up to date with the migrations bundled in this build. Flyway does the
 * work, but only when the store is behind: loading and validating it costs most of a short
 * command's run, so the versions Flyway recorded are compared with the bundled ones first.
 */
final class Migrations {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/$]*\\.(?:sql|class)");

    private Migrations() {
    }

    static void bringUpToDate(DataSource ds, List<String> locations, String schema) {
        bringUpToDate(ds, locations, schema, Runnable::run);
    }

    /**
     * As above, with Flyway run inside {@code exclusive}: nodes starting together on one PostgreSQL
     * take turns (Flyway's own lock covers the migrations, not the schema and history table it
     * creates first), and the later ones find the work done.
     */
    static void bringUpToDate(DataSource ds, List<String> locations, String schema,
                              java.util.function.Consumer<Runnable> exclusive) {
        Optional<Set<List<BigInteger>>> bundled = bundledVersions(locations);
        if (bundled.isPresent() && applied(ds).containsAll(bundled.get())) {
            return;
        }
        exclusive.accept(() -> migrate(ds, locations, schema));
    }

    private static void migrate(DataSource ds, List<String> locations, String schema) {
        var flyway = Flyway.configure()
                .dataSource(ds)
                .locations(locations.stream().map(l -> "classpath:" + l).toArray(String[]::new))
                .failOnMissingLocations(true)
                // Features number their migrations independently (live-only ones live in db/live), so a
                // lower version may arrive after a higher one on an existing store: apply it, don't refuse.
                .outOfOrder(true);
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        flyway.load().migrate();
    }

    /** Versions Flyway applied successfully; none when it never ran here (no history table yet). */
    static Set<List<BigInteger>> applied(DataSource ds) {
        Set<List<BigInteger>> versions = new HashSet<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success")) {
            while (rs.next()) {
                String version = rs.getString(1);
                if (version != null) {
                    versions.add(normalized(version));
                }
            }
            return versions;
        } catch (SQLException | RuntimeException noHistoryYet) {
            return Set.of();
        }
    }

    /**
     * The versions of the migration files in these class-path folders, read from the jar's (or the
     * build folder's) listing; empty when the listing cannot be read or holds a file this check does
     * not understand, so that Flyway decides.
     */
    static Optional<Set<List<BigInteger>>> bundledVersions(List<String> locations) {
        Set<List<BigInteger>> versions = new HashSet<>();
        try {
            for (String location : locations) {
                List<URL> urls = Collections.list(Migrations.class.getClassLoader().getResources(location));
                if (urls.isEmpty()) {
                    return Optional.empty();
                }
                for (URL url : urls) {
                    for (String file : fileNames(url, location)) {
                        if (file.contains("$")) {
                            continue; // a nested class of a Java migration
                        }
                        Matcher m = VERSIONED.matcher(file);
                        if (!m.matches()) {
                            return Optional.empty();
                        }
                        versions.add(normalized(m.group(1)));
                    }
                }
            }
        } catch (IOException | URISyntaxException | UncheckedIOException e) {
            return Optional.empty();
        }
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions);
    }

    private static List<String> fileNames(URL folder, String location) throws IOException, URISyntaxException {
        switch (folder.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                    return files.map(p -> p.getFileName().toString()).toList();
                }
            }
            case "jar" -> {
                String prefix = location.endsWith("/") ? location : location + "/";
                List<String> names = new ArrayList<>();
                // JarURLConnection caches the opened jar and shares it: not to be closed here.
                var jar = ((JarURLConnection) folder.openConnection()).getJarFile();
                jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(prefix) && n.length() > prefix.length()
                                && n.indexOf('/', prefix.length()) < 0)
                        .forEach(n -> names.add(n.substring(prefix.length())));
                return names;
            }
            default -> throw new IOException("cannot list " + folder);
        }
    }

    /** Flyway's version order: 1, 1.0 and 01 are the same version. */
    private static List<BigInteger> normalized(String version) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : version.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.getLast().signum() == 0) {
            parts.removeLast();
        }
        return List.copyOf(parts);
    }
}
