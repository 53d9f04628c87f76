package db.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events about a session (created, completed, expired, canceled: their data is the session) name it
 * in an indexed {@code session_id} column, so a session's events are found by index instead of a text
 * search of every event's data. Existing events are filled in, in batches. The same on SQLite and
 * PostgreSQL.
 */
public class V23__Events_by_session extends BaseJavaMigration {
    private static final int BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE events ADD COLUMN session_id TEXT");
            ddl.execute("CREATE INDEX events_session ON events (session_id, id)");
        }
        String after = "";
        while (true) {
            Map<String, String> batch = new LinkedHashMap<>();
            String last = null;
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, data FROM events WHERE id > ? AND type IN
                      ('session.created', 'session.canceled', 'session.expired', 'verification.completed')
                    ORDER BY id LIMIT ?""")) {
                select.setString(1, after);
                select.setInt(2, BATCH);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getString("id");
                        String session = sessionId(rs.getString("data"));
                        if (session != null) {
                            batch.put(last, session);
                        }
                    }
                }
            }
            if (last == null) {
                return;
            }
            update(connection, batch);
            after = last;
        }
    }

    private static String sessionId(String data) throws SQLException {
        try {
            JsonNode id = JSON.readTree(data).path("id");
            return id.isTextual() ? id.asText() : null;
        } catch (IOException e) {
            throw new SQLException("an event's data is not JSON", e);
        }
    }

    private static void update(Connection connection, Map<String, String> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE events SET session_id = ? WHERE id = ?")) {
            for (var e : batch.entrySet()) {
                update.setString(1, e.getValue());
                update.setString(2, e.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
