package dev.proofdesk.server.store;

import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Postgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.sql.Types;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A failed statement's values (URLs, names, sealed secrets) never reach exception messages, and so
 * never the logs: neither PostgreSQL's error detail nor the statement's bound arguments.
 */
class FailedStatementTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void aFailingStatementDoesNotQuoteItsValues(Db db) throws Exception {
        // Even when the URL asks the driver for the server's detail.
        Optional<String> url = db == Db.POSTGRES
                ? Optional.of(Postgres.freshDatabase() + "&logServerErrorDetail=true") : Optional.empty();
        try (Database database = Database.open(url, Files.createTempDirectory("proofdesk-errors"), 2)) {
            Store store = database.environment(Environment.TEST);
            Throwable failure = catchThrowable(() -> store.writeVoid(h -> h.createUpdate("""
                    INSERT INTO events (id, account_id, type, data, created_at)
                    VALUES (:id, :account, 'x', :data, 1)""")
                    .bind("id", "0193a0b4-0000-7000-8000-0000000000e1")
                    .bind("account", "sealed-secret-7f3a")
                    .bindNull("data", Types.VARCHAR)
                    .execute()));
            assertThat(failure).isNotNull();
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).containsIgnoringCase("null").contains("INSERT INTO events")
                    .doesNotContain("sealed-secret-7f3a").doesNotContain("0193a0b4-0000-7000-8000-0000000000e1");
        }
    }
}
