package dev.proofdesk.server.event;

import dev.proofdesk.server.http.Json;
import dev.proofdesk.server.store.Database;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored before they named their session are found by it once the store is migrated. */
class EventsBySessionMigrationTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void eventsStoredBeforeTheSessionColumnAreFoundByTheirSession(Db db, @TempDir Path dir) throws Exception {
        String url = db == Db.POSTGRES ? Postgres.freshDatabase() : null;
        String jdbc = url == null ? "jdbc:sqlite:" + dir.resolve("test.db").toAbsolutePath() : url;
        var older = Flyway.configure().locations("classpath:db/environment").target("22").dataSource(jdbc, null, null);
        if (url != null) {
            older.schemas("test").defaultSchema("test").createSchemas(true);
        }
        older.load().migrate();
        String session = Ids.newId();
        String other = Ids.newId();
        String[] ids = {Ids.newId(), Ids.newId(), Ids.newId(), Ids.newId()};
        try (var c = DriverManager.getConnection(jdbc);
             var insert = c.prepareStatement((url == null ? "INSERT INTO events" : "INSERT INTO test.events")
                     + " (id, account_id, type, data, created_at) VALUES (?, 'acct', ?, ?, 0)")) {
            Object[][] rows = {
                    {ids[0], "session.created", "{\"id\":\"" + session + "\",\"status\":\"pending\"}"},
                    {ids[1], "session.created", "{\"id\":\"" + other + "\",\"status\":\"pending\"}"},
                    // A flow's event that merely mentions the session's id is not about the session.
                    {ids[2], "flow.published", "{\"id\":\"f\",\"name\":\"" + session + "\"}"},
                    {ids[3], "verification.completed", "{\"id\":\"" + session + "\",\"status\":\"valid\"}"}};
            for (Object[] row : rows) {
                insert.setString(1, (String) row[0]);
                insert.setString(2, (String) row[1]);
                insert.setString(3, (String) row[2]);
                insert.executeUpdate();
            }
        }

        try (Database database = Database.open(Optional.ofNullable(url), dir, 2)) {
            EventLog events = new EventLog(database.environment(Environment.TEST), Clock.systemUTC(), Json.mapper());

            assertThat(events.ofSession("acct", session, 50)).extracting(Event::id).containsExactly(ids[0], ids[3]);
            assertThat(events.ofSession("another account", session, 50)).isEmpty();
        }
    }
}
