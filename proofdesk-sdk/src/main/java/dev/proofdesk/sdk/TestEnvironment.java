package dev.proofdesk.sdk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether this process looks like a test or CI run, where a live key has no business: {@code CI}
 * set (to anything but {@code false} or {@code 0}), {@code NODE_ENV=test}, a Maven Surefire or
 * Failsafe or Gradle test JVM, or a test framework's runner on the class path (JUnit, TestNG).
 */
final class TestEnvironment {
    private static final List<String> RUNNER_PROPERTIES = List.of("surefire.test.class.path",
            "surefire.real.class.path", "org.gradle.test.worker");
    private static final List<String> RUNNER_CLASSES = List.of("org.junit.platform.launcher.Launcher",
            "org.junit.runner.JUnitCore", "org.testng.TestNG");

    private TestEnvironment() {
    }

    /** What makes the current process look like a test or CI run, if anything. */
    static Optional<String> current() {
        ClassLoader loader = TestEnvironment.class.getClassLoader();
        return reason(System.getenv(), System::getProperty, name -> present(name, loader));
    }

    static Optional<String> reason(Map<String, String> env, Function<String, String> properties,
                                   Predicate<String> classPresent) {
        String ci = env.get("CI");
        if (ci != null && !ci.isEmpty() && !ci.equals("false") && !ci.equals("0")) {
            return Optional.of("CI=" + ci + " is set");
        }
        if ("test".equals(env.get("NODE_ENV"))) {
            return Optional.of("NODE_ENV=test is set");
        }
        for (String property : RUNNER_PROPERTIES) {
            if (properties.apply(property) != null) {
                return Optional.of("the JVM runs tests (system property " + property + " is set)");
            }
        }
        for (String runner : RUNNER_CLASSES) {
            if (classPresent.test(runner)) {
                return Optional.of("a test runner is on the class path (" + runner + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
