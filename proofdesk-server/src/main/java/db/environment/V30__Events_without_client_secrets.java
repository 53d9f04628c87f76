package db.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events stored before sessions left their client secret out of events carried it in
 * {@code verificationUrl} ({@code …?token=cs_…}); this drops the URL from them, in batches, so
 * neither the API, webhooks nor the dashboard can show it again. The same on SQLite and PostgreSQL.
 */
public class V30__Events_without_client_secrets extends BaseJavaMigration {
    private static final int BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String after = "";
        while (true) {
            Map<String, String> batch = new LinkedHashMap<>();
            String last = null;
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, data FROM events WHERE id > ? AND data LIKE '%token=cs%' ORDER BY id LIMIT ?""")) {
                select.setString(1, after);
                select.setInt(2, BATCH);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getString("id");
                        String data = withoutSecret(rs.getString("data"));
                        if (data != null) {
                            batch.put(last, data);
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

    /** The event's data without the secret, or null when it has none. */
    private static String withoutSecret(String text) throws SQLException {
        try {
            JsonNode data = JSON.readTree(text);
            if (data instanceof ObjectNode session && session.path("verificationUrl").asText("").contains("token=")) {
                session.putNull("verificationUrl");
                session.putNull("clientSecret");
                return JSON.writeValueAsString(session);
            }
            return null;
        } catch (java.io.IOException e) {
            throw new SQLException("an event's data is not JSON", e);
        }
    }

    private static void update(Connection connection, Map<String, String> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE events SET data = ? WHERE id = ?")) {
            for (var e : batch.entrySet()) {
                update.setString(1, e.getValue());
                update.setString(2, e.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
