package dev.proofdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server's JVM seen from outside, on the same Linux machine: CPU time by kind of thread from
 * {@code /proc}, and {@code jcmd} for garbage collections, the heap and JFR recordings. Java
 * threads' CPU is what is left once the JVM's own threads (GC, JIT compilers, JFR, VM) are taken out.
 */
final class ServerProbe {
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total.*?used (\\d+)K");

    /** Who burnt the CPU: the JVM's own threads by kind, and everything else ({@code JAVA}). */
    enum Threads {
        GC, JIT, JVM_OTHER, JAVA;

        static Threads of(String name) {
            if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("GC ")) {
                return GC;
            }
            if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                return JIT;
            }
            if (name.startsWith("VM ") || name.startsWith("JFR ") || name.equals("Service Thread")
                    || name.startsWith("Monitor Deflati")) {
                return JVM_OTHER;
            }
            return JAVA;
        }
    }

    /** CPU seconds of the whole process and, per live thread, by thread id. */
    record CpuSnapshot(double processSeconds, Map<Integer, Double> threadSeconds, Map<Integer, Threads> kinds) {
        /** CPU seconds from {@code earlier} to this snapshot, by kind; JAVA is the process total less the rest. */
        Map<Threads, Double> since(CpuSnapshot earlier) {
            Map<Threads, Double> out = new EnumMap<>(Threads.class);
            double jvm = 0;
            for (var e : threadSeconds.entrySet()) {
                Threads kind = kinds.get(e.getKey());
                if (kind != Threads.JAVA) {
                    double d = e.getValue() - earlier.threadSeconds.getOrDefault(e.getKey(), 0.0);
                    out.merge(kind, d, Double::sum);
                    jvm += d;
                }
            }
            double total = processSeconds - earlier.processSeconds;
            out.put(Threads.JAVA, total - jvm);
            return out;
        }
    }

    private final long pid;
    private final Path jcmd;
    private final double ticksPerSecond;

    ServerProbe(long pid) {
        this.pid = pid;
        this.jcmd = ProcessHandle.current().info().command().map(Path::of).map(java -> java.resolveSibling("jcmd"))
                .filter(Files::isExecutable).orElse(Path.of("jcmd"));
        this.ticksPerSecond = Double.parseDouble(run(List.of("getconf", "CLK_TCK")).strip());
        if (!Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
            throw new IllegalArgumentException("no process " + pid + " on this machine (--server-pid needs Linux /proc)");
        }
    }

    CpuSnapshot cpu() {
        Path proc = Path.of("/proc", Long.toString(pid));
        double process = cpuSeconds(proc.resolve("stat"));
        Map<Integer, Double> threads = new HashMap<>();
        Map<Integer, Threads> kinds = new HashMap<>();
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    int tid = Integer.parseInt(task.getFileName().toString());
                    kinds.put(tid, Threads.of(Files.readString(task.resolve("comm")).strip()));
                    threads.put(tid, cpuSeconds(task.resolve("stat")));
                } catch (IOException | RuntimeException gone) {
                    // The thread ended between the listing and the read: its time is in the process total.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + proc + ": " + e.getMessage(), e);
        }
        return new CpuSnapshot(process, threads, kinds);
    }

    /** Runs a full collection, then reports the heap in use, in bytes. */
    long heapUsedAfterGc() {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no heap total");
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    void startRecording(String name) {
        jcmd("JFR.start", "name=" + name, "settings=profile");
    }

    void stopRecording(String name, Path file) {
        jcmd("JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
    }

    private String jcmd(String... command) {
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        return run(line);
    }

    private double cpuSeconds(Path stat) {
        try {
            String text = Files.readString(stat);
            // Fields after the command name, which may hold spaces: state is the first, utime the 12th, stime the 13th.
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / ticksPerSecond;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + stat + ": " + e.getMessage(), e);
        }
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }
}
