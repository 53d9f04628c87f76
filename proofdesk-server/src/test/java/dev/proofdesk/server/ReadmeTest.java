package dev.proofdesk.server;

import dev.proofdesk.server.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's examples, run and compiled as a reader would use them, so the README cannot drift.
 *
 * <p>Which blocks: a fenced block whose opening line directly follows a line
 * {@code <!-- runs-in-test -->} is a shell block to run; one that follows
 * {@code <!-- compiles-in-test -->} is a Java snippet to compile. Every other block is prose to this
 * test, so a new section needs nothing to stay out of it, and opts in with the marker.
 *
 * <p>Shell blocks run in README order, all in one {@code bash} as if pasted into one terminal (ids
 * kept in shell variables by one block serve the next), against a real {@code proofdesk serve} on a
 * free port: its URL replaces {@code http://localhost:8080}, {@code ./proofdesk} is this build, the
 * working directory is a scratch one. Every {@code jq} runs with {@code -e}, so an error answer
 * (a {@code null} where an id or a status was expected) stops the run; each block's last command
 * should print through {@code jq}. The last line printed must be {@code valid}: the walk-through
 * ends with a verified session.
 *
 * <p>Java snippets are compiled against the SDK: their {@code import} lines head a class, the rest is
 * the body of a method that gets what a reader's code would have around it: {@code userId} and
 * {@code redirectTo(url)}.
 */
class ReadmeTest {
    private static final Pattern BLOCK = Pattern.compile(
            "^<!-- (runs|compiles)-in-test -->\\n```(\\w+)\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final String README_URL = "http://localhost:8080";

    private record Block(String kind, String language, String text) {
    }

    @Test
    void theShellWalkThroughRunsAsWrittenAgainstARealServer(@TempDir Path dir) throws Exception {
        List<String> shell = blocks("runs").stream().peek(b -> assertThat(b.language()).isEqualTo("sh"))
                .map(Block::text).toList();
        assertThat(shell).as("runnable shell blocks in the README").hasSizeGreaterThanOrEqualTo(4);
        Path work = Files.createDirectories(dir.resolve("work"));
        Path data = dir.resolve("data");
        try (ServerProcess server = ServerProcess.start(data, null, Map.of())) {
            writeProofdeskCommand(work);
            Path script = work.resolve("readme.sh");
            Files.writeString(script, "set -euo pipefail\n"
                    + "jq() { command jq -e \"$@\"; }\n"
                    + String.join("\n", shell).replace(README_URL, server.baseUrl()));
            ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(work.toFile())
                    .redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile());
            bash.environment().put("PROOFDESK_DATA_DIR", data.toString());
            for (String variable : List.of("KEY", "LIVE_KEY", "FLOW", "SESSION", "PASSPORT", "CLIENT_SECRET")) {
                bash.environment().remove(variable);
            }
            Process run = bash.start();
            boolean finished = run.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                run.destroyForcibly();
            }
            String out = Files.readString(work.resolve("out.txt"));
            String err = Files.readString(work.resolve("err.txt"));
            String report = "stdout:\n" + out + "\nstderr:\n" + err + "\nserver:\n" + server.output();
            assertThat(finished).as("the walk-through finished within 5 minutes\n" + report).isTrue();
            assertThat(run.exitValue()).as("the walk-through ran to its end\n" + report).isZero();
            assertThat(out.strip().lines().toList()).as(report).last().isEqualTo("valid");
        }
    }

    @Test
    void theJavaSnippetsCompileAgainstTheSdk(@TempDir Path dir) {
        List<Block> java = blocks("compiles");
        assertThat(java).as("compiled Java snippets in the README").isNotEmpty();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < java.size(); i++) {
            assertThat(java.get(i).language()).isEqualTo("java");
            sources.add(source("ReadmeSnippet" + i, java.get(i).text()));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled = compiler.getTask(null, null, diagnostics, List.of("-d", dir.toString(),
                "-classpath", System.getProperty("java.class.path"), "-proc:none"), null, sources).call();
        assertThat(compiled).as(diagnostics.getDiagnostics().toString()).isTrue();
    }

    @Test
    void theSdkCoordinatesAreThisBuilds() throws IOException {
        String readme = readme();
        Matcher dependency = Pattern.compile("<groupId>(.+?)</groupId>\\s*<artifactId>proofdesk-sdk</artifactId>"
                + "\\s*<version>(.+?)</version>").matcher(readme);
        assertThat(dependency.find()).as("the README's Maven dependency on proofdesk-sdk").isTrue();
        String pom = Files.readString(root().resolve("proofdesk-sdk/pom.xml"));
        assertThat(pom).contains("<groupId>" + dependency.group(1) + "</groupId>")
                .contains("<version>" + dependency.group(2) + "</version>");
        assertThat(readme).contains("implementation(\"" + dependency.group(1) + ":proofdesk-sdk:"
                + dependency.group(2) + "\")");
    }

    private static List<Block> blocks(String kind) {
        Matcher m = BLOCK.matcher(readme());
        List<Block> out = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                out.add(new Block(m.group(1), m.group(2), m.group(3)));
            }
        }
        return out;
    }

    /** {@code ./proofdesk} in the scratch directory: this build's command line, not a jar to build. */
    private static void writeProofdeskCommand(Path work) throws IOException {
        Path command = work.resolve("proofdesk");
        Files.writeString(command, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' --enable-native-access=ALL-UNNAMED -cp '" + System.getProperty("java.class.path") + "' dev.proofdesk.server.cli.ProofdeskCommand \"$@\"\n");
        Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static JavaFileObject source(String className, String snippet) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : snippet.lines().toList()) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String code = imports + "class " + className + " {\n"
                + "    static void redirectTo(String url) {\n    }\n\n"
                + "    static void snippet(String userId) throws Exception {\n" + body + "    }\n}\n";
        return new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    private static String readme() {
        try {
            return Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository: the first folder up from this module that has the README. */
    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a README.md above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}
