package dev.proofdesk.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's packages depend on each other without a cycle, as {@code jdeps} reads the compiled
 * classes. The root package (the composition root) may use every package; only the command line,
 * which opens the application, may use it.
 */
class PackageCyclesTest {
    private static final String ROOT = "dev.proofdesk.server";
    private static final Pattern EDGE = Pattern.compile(
            "^\\s+(dev\\.proofdesk\\.server(?:\\.\\w+)*)\\s+->\\s+(dev\\.proofdesk\\.server(?:\\.\\w+)*)\\s");
    private static Map<String, Set<String>> graph;

    @BeforeAll
    static void readDependencies() throws URISyntaxException {
        Path classes = Path.of(Application.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError(
                "jdeps is missing: run the tests on a JDK (JAVA_HOME), not a JRE"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            status = jdeps.run(o, e, "-verbose:package", "-e", "dev\\.proofdesk\\.server(\\..*)?", classes.toString());
        }
        assertThat(status).as("jdeps failed: %s", err).isZero();
        graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
    }

    @Test
    void jdepsSeesTheServersPackages() {
        assertThat(graph).containsKeys(ROOT, ROOT + ".flow", ROOT + ".http");
        assertThat(graph.get(ROOT + ".flow")).contains(ROOT + ".http");
    }

    @Test
    void noPackageCycle() {
        assertThat(cycles(graph)).as("package cycles (each set depends on itself); dependencies: %s", graph)
                .isEmpty();
    }

    @Test
    void onlyTheCommandLineUsesTheCompositionRoot() {
        List<String> users = graph.entrySet().stream().filter(e -> e.getValue().contains(ROOT))
                .map(Map.Entry::getKey).toList();
        assertThat(users).containsOnly(ROOT + ".cli");
    }

    /** The strongly connected components with more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        for (String node : edges.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, edges, index, low, stack, onStack, found);
            }
        }
        return found;
    }

    private static void connect(String node, Map<String, Set<String>> edges, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> found) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : edges.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, edges, index, low, stack, onStack, found);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }

    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Set<String>> edges = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
                "d", Set.of("a"));
        assertThat(cycles(edges)).containsExactly(Set.of("a", "b", "c"));
    }
}
