package dev.proofdesk.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints a result for people, and one {@code RESULT} line of JSON for scripts. */
final class Report {
    private Report() {
    }

    static void print(PrintWriter out, String name, LoadRun.Result r) {
        String mode = r.targetRate() == null ? "closed loop" : "open loop at " + r.targetRate() + "/s";
        out.printf(Locale.ROOT, "%s: %d clients, %d s measured, %s%n", name, r.clients(),
                r.measured().toSeconds(), mode);
        out.printf(Locale.ROOT, "  throughput  %.1f/s  (%d ok, %d failed %s)%n", r.perSecond(), r.succeeded(),
                r.failed(), r.failures().isEmpty() ? "" : r.failures());
        out.printf(Locale.ROOT, "  latency ms  p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                r.millis(50), r.millis(90), r.millis(99), r.millis(99.9), r.latency().getMaxValue() / 1e6);
        out.printf(Locale.ROOT, "RESULT {\"name\":\"%s\",\"clients\":%d,\"seconds\":%d,\"perSecond\":%.1f,"
                        + "\"ok\":%d,\"failed\":%d,\"p50\":%.2f,\"p90\":%.2f,\"p99\":%.2f,\"p999\":%.2f,\"max\":%.2f}%n",
                name, r.clients(), r.measured().toSeconds(), r.perSecond(), r.succeeded(), r.failed(),
                r.millis(50), r.millis(90), r.millis(99), r.millis(99.9), r.latency().getMaxValue() / 1e6);
        out.flush();
    }
}
