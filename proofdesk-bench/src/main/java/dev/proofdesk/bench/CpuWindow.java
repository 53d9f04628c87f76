package dev.proofdesk.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The server's CPU over a load run's measured phase: a {@code /proc} snapshot and a JFR recording
 * start when the warm-up ends, the second snapshot is taken when the phase ends. Started just before
 * {@link LoadRun#run}, whose phases it follows by the clock.
 */
final class CpuWindow {
    private final ServerProbe probe;
    private final String recordingName;
    private final Thread timer;
    private volatile ServerProbe.CpuSnapshot first;
    private volatile ServerProbe.CpuSnapshot last;
    private volatile RuntimeException failure;

    private CpuWindow(ServerProbe probe, String recordingName, Duration warmup, Duration duration) {
        this.probe = probe;
        this.recordingName = recordingName;
        long start = System.nanoTime();
        this.timer = Thread.ofPlatform().name("cpu-window").start(() -> {
            try {
                sleepUntil(start + warmup.toNanos());
                first = probe.cpu();
                probe.startRecording(recordingName);
                sleepUntil(start + warmup.toNanos() + duration.toNanos());
                last = probe.cpu();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
            }
        });
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }

    static CpuWindow start(ServerProbe probe, LoadOptions load, String recordingName) {
        return new CpuWindow(probe, recordingName, load.warmup, load.duration);
    }

    /** What the server spent in the window, once the load run has returned. */
    Spent finish(Path recording) throws InterruptedException, IOException {
        timer.join();
        if (failure != null) {
            throw failure;
        }
        probe.stopRecording(recordingName, recording);
        return new Spent(last.since(first), SampleSplit.of(recording));
    }

    record Spent(Map<ServerProbe.Threads, Double> seconds, Map<SampleSplit.Kind, Long> samples) {
        void print(PrintWriter out, long verifications) {
            double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
            double java = seconds.get(ServerProbe.Threads.JAVA);
            long all = samples.values().stream().mapToLong(Long::longValue).sum();
            double crypto = share(SampleSplit.Kind.CRYPTO, all) * java;
            double creation = share(SampleSplit.Kind.SESSION_CREATION, all) * java;
            double other = share(SampleSplit.Kind.OTHER, all) * java;
            if (verifications == 0) {
                out.printf(Locale.ROOT, "  server CPU: %.1f s in the measured phase, but no verification completed in it%n", total);
                return;
            }
            double n = verifications;
            out.printf(Locale.ROOT, "  server CPU per verification: %.2f ms (%.1f s of process CPU over %d verifications)%n",
                    ms(total, n), total, verifications);
            out.printf(Locale.ROOT, "    crypto %.2f ms | non-crypto %.2f ms (non-crypto / crypto %.2f)%n",
                    ms(crypto, n), ms(total - crypto, n), (total - crypto) / Math.max(crypto, 1e-9));
            out.printf(Locale.ROOT, "    Java threads %.2f ms, by %d JFR samples: crypto %.2f ms (%.0f %%), session creation "
                            + "%.2f ms, relay/terminal/verdict and the rest %.2f ms%n", ms(java, n), all, ms(crypto, n),
                    100 * share(SampleSplit.Kind.CRYPTO, all), ms(creation, n), ms(other, n));
            out.printf(Locale.ROOT, "    JVM threads: GC %.2f ms, JIT %.2f ms, other (JFR, VM) %.2f ms%n",
                    ms(seconds.getOrDefault(ServerProbe.Threads.GC, 0.0), n),
                    ms(seconds.getOrDefault(ServerProbe.Threads.JIT, 0.0), n),
                    ms(seconds.getOrDefault(ServerProbe.Threads.JVM_OTHER, 0.0), n));
            out.printf(Locale.ROOT, "RESULT {\"name\":\"server-cpu\",\"verifications\":%d,\"cpuMsPerVerification\":%.3f,"
                            + "\"cryptoMs\":%.3f,\"nonCryptoMs\":%.3f,\"sessionCreationMs\":%.3f,\"gcMs\":%.3f,\"jitMs\":%.3f}%n",
                    verifications, ms(total, n), ms(crypto, n), ms(total - crypto, n), ms(creation, n),
                    ms(seconds.getOrDefault(ServerProbe.Threads.GC, 0.0), n),
                    ms(seconds.getOrDefault(ServerProbe.Threads.JIT, 0.0), n));
        }

        private double share(SampleSplit.Kind kind, long all) {
            return all == 0 ? 0 : samples.get(kind) / (double) all;
        }

        private static double ms(double seconds, double n) {
            return seconds * 1000 / n;
        }
    }
}
