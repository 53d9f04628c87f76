package dev.proofdesk.server.store;

import java.sql.SQLException;

/** The few places where SQLite and PostgreSQL differ; SQL elsewhere is shared. */
public enum Dialect {
    SQLITE, POSTGRES;

    /** Row-lock clause for claiming queue rows; SQLite serialises writers, so it needs none. */
    public String skipLocked() {
        return this == POSTGRES ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /** Row lock that serialises writers touching the same parent row; SQLite already serialises them. */
    public String forUpdate() {
        return this == POSTGRES ? " FOR UPDATE" : "";
    }

    public boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if (this == POSTGRES && "23505".equals(sql.getSQLState())) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage());
                if (this == SQLITE && message.contains("UNIQUE constraint failed")) {
                    return true;
                }
            }
        }
        return false;
    }
}
