package dev.proofdesk.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code proofdesk serve} in a child JVM (this run's class path), so a test can kill it the hard
 * way (SIGKILL) and start another on the same stores.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Proofdesk listening on (http://\\S+)");
    private static final Pattern KEY = Pattern.compile("^\\s+(sk_test_\\S+)\\s*$");
    private final Process process;
    private final String baseUrl;
    private final String firstTestKey;
    private final List<String> output;

    private ServerProcess(Process process, String baseUrl, String firstTestKey, List<String> output) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.firstTestKey = firstTestKey;
        this.output = output;
    }

    /** Starts a server on a free port with these stores; waits until it listens. */
    public static ServerProcess start(Path dataDir, String databaseUrl, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.proofdesk.server.cli.ProofdeskCommand", "serve", "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> vars = new HashMap<>(env);
        vars.put("PROOFDESK_DATA_DIR", dataDir.toString());
        vars.put("PROOFDESK_RATE_LIMIT_TEST", "0");
        if (databaseUrl != null) {
            vars.put("PROOFDESK_DATABASE_URL", databaseUrl);
            if (!env.containsKey("PROOFDESK_MASTER_KEY")) {
                vars.put("PROOFDESK_MASTER_KEY_FILE", MasterKeys.file(dataDir).toString());
            }
        }
        builder.environment().putAll(vars);
        try {
            Process process = builder.start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        output.add(line);
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process went away
                }
            });
            String key = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (!process.isAlive()) {
                        break;
                    }
                    continue;
                }
                Matcher k = KEY.matcher(line);
                if (k.matches()) {
                    key = k.group(1);
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    return new ServerProcess(process, m.group(1), key, output);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start: " + String.join("\n", output));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The test key printed on first start (null on later starts). */
    public String firstTestKey() {
        return firstTestKey;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or released. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as systemd or an operator stops a node; waits for the process to exit. */
    public void terminate() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server did not stop within 60 s of SIGTERM: " + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
