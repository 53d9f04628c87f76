package dev.proofdesk.passport;

import java.util.ArrayList;
import java.util.List;

/** Collects checks in order, with the failure detail that the public {@link Check} leaves out. */
final class Checks {
    private final List<Check> checks = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();

    void pass(String name) {
        checks.add(Check.pass(name));
    }

    void skip(String name) {
        checks.add(Check.skip(name));
    }

    void fail(String name, FailureCode code, String detail) {
        checks.add(new Check(name, false, code));
        failures.add(new Failure(name, code, detail));
    }

    void add(String name, boolean passed, FailureCode code, String detail) {
        if (passed) {
            pass(name);
        } else {
            fail(name, code, detail);
        }
    }

    List<Check> list() {
        return List.copyOf(checks);
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }
}
