package dev.proofdesk.server.store;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import java.time.Instant;
import java.util.UUID;

/** Time-ordered UUIDv7 ids: sortable as strings, so they double as pagination cursors. */
public final class Ids {
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static String newId() {
        return GENERATOR.generate().toString();
    }

    public static boolean isUuid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(value).toString().equals(value.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The smallest UUIDv7 of a millisecond: every id created at or after it sorts at or after this. */
    public static String lowestAt(Instant time) {
        String hex = String.format("%012x", time.toEpochMilli());
        return hex.substring(0, 8) + "-" + hex.substring(8) + "-0000-0000-000000000000";
    }
}
